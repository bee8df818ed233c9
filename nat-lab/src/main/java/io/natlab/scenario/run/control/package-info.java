/**
 * Negative controls: before a pair's trials, each peer dials the other's public endpoint once with plain socat, no
 * rendezvous and no coordination, to show whether the NATs really block a direct dial (docs/results-json.md,
 * "Negative control"). Pure scripts and endpoint rules, one Docker edge, and a per-lab cache.
 */
package io.natlab.scenario.run.control;
