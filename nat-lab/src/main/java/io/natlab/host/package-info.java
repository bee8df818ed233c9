/** What a host's one-time preparation ({@code docker/prepare-host.sh}) leaves for every later run. */
package io.natlab.host;
