/** Checks that each lab router behaves like the NAT it claims to be, by probing it and classifying what it observed. */
package io.natlab.fidelity;
