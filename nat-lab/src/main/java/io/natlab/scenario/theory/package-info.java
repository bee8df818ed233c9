/** What NAT theory predicts for a pair of peers: the expected outcome of a punch across their NAT paths. */
package io.natlab.scenario.theory;
