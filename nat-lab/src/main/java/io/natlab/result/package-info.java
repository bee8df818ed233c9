/** The immutable results of a run: trials, pairs, scenarios and their verdicts. */
package io.natlab.result;
