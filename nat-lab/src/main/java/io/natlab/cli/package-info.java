/** The nat-lab command line: run and validate. */
package io.natlab.cli;
