/** YAML reading infrastructure: a position-keeping node tree, typed scalar reads and collected validation problems. */
package io.natlab.yaml;
