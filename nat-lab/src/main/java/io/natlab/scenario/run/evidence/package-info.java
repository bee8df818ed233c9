/** Diagnostics of failed or surprising trials: router captures, client output, rerun scripts. */
package io.natlab.scenario.run.evidence;
