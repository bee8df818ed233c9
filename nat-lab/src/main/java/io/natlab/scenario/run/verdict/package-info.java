/** Turns punch clients' output and event logs into trial results, pair summaries and verdicts; pure. */
package io.natlab.scenario.run.verdict;
