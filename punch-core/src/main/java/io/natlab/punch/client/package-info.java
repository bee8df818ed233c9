/** The TCP hole-punching client: rendezvous session, simultaneous open, handshake and stream check. */
package io.natlab.punch.client;
