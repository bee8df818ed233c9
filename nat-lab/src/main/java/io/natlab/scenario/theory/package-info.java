/** The theory table: which NAT pairs should punch and why, the oracle behind expect: auto. */
package io.natlab.scenario.theory;
