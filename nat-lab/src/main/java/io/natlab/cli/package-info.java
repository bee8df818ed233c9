/** The nat-lab command line: the run and validate commands and their Ctrl-C handling. */
package io.natlab.cli;
