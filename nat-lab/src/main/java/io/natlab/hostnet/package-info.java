/** What this Docker host's network already uses (routes, DNS, proxies, connections), read once for validation and lab start alike. */
package io.natlab.hostnet;
