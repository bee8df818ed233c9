/** The scenario model (peers, expectations, strategies) and its loader. */
package io.natlab.scenario;
