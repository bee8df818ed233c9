package io.natlab.lab;

import io.natlab.topology.Subnet;

/** An address range a lab must not use, and why (for error messages). */
public record TakenRange(Subnet subnet, String what) {
    @Override public String toString() { return what + " (" + subnet + ")"; }
}
