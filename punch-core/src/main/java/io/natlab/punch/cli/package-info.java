/** The punch command line: the client and server commands and their JSON output. */
package io.natlab.punch.cli;
