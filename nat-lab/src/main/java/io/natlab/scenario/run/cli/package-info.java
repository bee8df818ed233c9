/** Helpers shared by the CLI and the Maven suite: resolving scenario globs and writing rerun commands. */
package io.natlab.scenario.run.cli;
