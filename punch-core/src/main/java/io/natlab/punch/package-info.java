/** Types shared by the hole-punching client, server and CLI: endpoints, strategies, outcomes and events. */
package io.natlab.punch;
