package io.natlab.scenario.theory;

import io.natlab.impl.Capability;
import io.natlab.impl.Implementation;
import io.natlab.punch.Strategy;
import io.natlab.topology.Filtering;
import io.natlab.topology.UnsolicitedPolicy;

import java.util.Set;

/**
 * The oracle's whole input: where the two peers sit, how they punch, and what the implementation under test can
 * do beyond the peer contract (its declared capabilities). Helpers name what rules test.
 */
public record PunchCase(PairPaths paths, Strategy strategy, Set<Capability> capabilities) {

    public PunchCase { capabilities = Set.copyOf(capabilities); }

    /** A case for the built-in implementation, punch-core. */
    public PunchCase(PairPaths paths, Strategy strategy) { this(paths, strategy, Implementation.PUNCH_CORE.capabilities()); }

    public boolean predictsPorts() { return capabilities.contains(Capability.PORT_PREDICTION); }

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

    /** Every symmetric side's next mapping can be predicted (sequential ports, one NAT layer). */
    public boolean everySymmetricSidePredictable() {
        return (!first().symmetric() || first().predictable()) && (!second().symmetric() || second().predictable());
    }

    public boolean anyUnsolicited(UnsolicitedPolicy p) { return first().unsolicited() == p || second().unsolicited() == p; }

    public boolean anyExposedToEarlySyn() { return first().exposedToEarlySyn() || second().exposedToEarlySyn(); }
}
