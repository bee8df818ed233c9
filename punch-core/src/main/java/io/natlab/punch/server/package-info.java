/** The rendezvous server that pairs clients and tells them when to punch. */
package io.natlab.punch.server;
