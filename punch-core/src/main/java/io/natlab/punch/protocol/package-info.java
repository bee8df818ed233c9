/** The rendezvous wire protocol: messages, framing and their codec. */
package io.natlab.punch.protocol;
