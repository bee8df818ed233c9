/** Reads the scenario part of a YAML file into the scenario model, with errors naming file, line and field. */
package io.natlab.scenario.yaml;
