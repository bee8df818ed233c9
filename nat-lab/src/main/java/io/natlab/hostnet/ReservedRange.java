package io.natlab.hostnet;

import io.natlab.topology.Subnet;

/** An address range a lab network must not overlap, and why (shown in the error). */
public record ReservedRange(Subnet subnet, String reason) {

    @Override public String toString() { return subnet + " (" + reason + ")"; }
}
