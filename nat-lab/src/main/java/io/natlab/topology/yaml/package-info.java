/** Reads and validates the topology part of a YAML file, including the address ranges no lab network may overlap. */
package io.natlab.topology.yaml;
