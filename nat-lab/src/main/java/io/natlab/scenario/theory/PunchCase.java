package io.natlab.scenario.theory;

import io.natlab.punch.Strategy;
import io.natlab.topology.Filtering;
import io.natlab.topology.UnsolicitedPolicy;

/** The oracle's whole input: where the two peers sit and how they punch. Helpers name what rules test. */
public record PunchCase(PairPaths paths, Strategy strategy) {

    public NatPath first() { return paths.first(); }
    public NatPath second() { return paths.second(); }

    public boolean listener() { return strategy == Strategy.LISTEN_CONNECT; }
    public boolean connectOnly() { return strategy == Strategy.CONNECT_ONLY; }

    public int symmetricSides() { return (first().symmetric() ? 1 : 0) + (second().symmetric() ? 1 : 0); }
    public boolean bothEndpointIndependent() { return symmetricSides() == 0; }

    /** Some side admits a SYN from a port it never sent to (EIF: anyone; ADF: any port of a contacted address). */
    public boolean someSideAdmitsNewPorts() {
        return first().filtering() != Filtering.ADDRESS_AND_PORT_DEPENDENT
            || second().filtering() != Filtering.ADDRESS_AND_PORT_DEPENDENT;
    }

    public boolean anyUnsolicited(UnsolicitedPolicy p) { return first().unsolicited() == p || second().unsolicited() == p; }

    public boolean anyExposedToEarlySyn() { return first().exposedToEarlySyn() || second().exposedToEarlySyn(); }
}
