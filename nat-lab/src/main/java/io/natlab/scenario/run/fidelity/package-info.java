/** Compares what a running lab measured about its NAT paths with what the scenario claims. */
package io.natlab.scenario.run.fidelity;
