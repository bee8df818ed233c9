/** Reads scenario YAML (punches, strategies, budgets) on top of the topology reader, with defaults. */
package io.natlab.scenario.yaml;
