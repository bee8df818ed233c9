/** A scenario file's model: topology, punches, strategies, expectations, and how it is loaded. */
package io.natlab.scenario;
