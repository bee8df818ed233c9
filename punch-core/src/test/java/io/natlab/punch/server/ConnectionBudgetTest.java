package io.natlab.punch.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ConnectionBudgetTest {
    private static final ServerDefences EIGHT_UNREGISTERED = ServerDefences.forMaxConnections(100).withUnregistered(8, 2);

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    private static Object admit(ConnectionBudget<String> budget, String c, InetAddress from) {
        ConnectionBudget.Admission<String> a = budget.admit(from);
        if (a instanceof ConnectionBudget.Admit<String> admit) {
            budget.add(c, from);
            return admit.displaced() == null ? "admitted" : "displaced " + admit.displaced();
        }
        return "refused: " + ((ConnectionBudget.Refuse<String>) a).reason();
    }

    @Test
    void aFullUnregisteredBudgetDisplacesItsOldestAndNeverTouchesRegisteredOnes() throws Exception {
        ConnectionBudget<String> budget = new ConnectionBudget<>(20, EIGHT_UNREGISTERED);
        admit(budget, "honest", ip("10.0.0.1"));
        budget.registered("honest");
        for (int i = 0; i < 8; i++) {
            assertThat(admit(budget, "a" + i, ip("10.1.0." + i))).isEqualTo("admitted");
        }
        assertThat(admit(budget, "newcomer", ip("10.2.0.1"))).isEqualTo("displaced a0");
        assertThat(admit(budget, "next", ip("10.2.0.2"))).isEqualTo("displaced a1");
        assertThat(budget.unregistered()).isEqualTo(8);
        assertThat(budget.total()).isEqualTo(9);
    }

    @Test
    void theSourceHoldingTheMostLosesItsOwnOldestNotTheNewcomer() throws Exception {
        ConnectionBudget<String> budget = new ConnectionBudget<>(20, EIGHT_UNREGISTERED.withUnregistered(8, 8));
        assertThat(admit(budget, "honest", ip("10.0.0.1"))).isEqualTo("admitted");
        for (int i = 0; i < 7; i++) {
            admit(budget, "m" + i, ip("10.6.6." + (i % 2)));
        }
        // Every further attacker connection (and every honest newcomer) costs an attacker its oldest.
        for (int i = 7; i < 40; i++) {
            assertThat(admit(budget, "m" + i, ip("10.6.6." + (i % 2)))).asString().startsWith("displaced m");
        }
        assertThat(admit(budget, "newcomer", ip("10.0.0.2"))).asString().startsWith("displaced m");
        assertThat(budget.unregistered()).isEqualTo(8);
        budget.registered("honest");
        budget.registered("newcomer");
        assertThat(budget.unregistered()).isEqualTo(6);
    }

    @Test
    void registeredClientsKeepTheReserveUnregisteredOnesCannotReach() throws Exception {
        ConnectionBudget<String> budget = new ConnectionBudget<>(10, EIGHT_UNREGISTERED);
        for (int i = 0; i < 10; i++) {
            admit(budget, "r" + i, ip("10.0.0." + i));
            budget.registered("r" + i);
        }
        assertThat(admit(budget, "late", ip("10.9.9.9"))).asString().startsWith("refused: server has its maximum of 10");
        budget.closed("r3");
        assertThat(admit(budget, "late", ip("10.9.9.9"))).isEqualTo("admitted");
        // Full again, with one unregistered: a newcomer takes that one's place, registered ones stay.
        assertThat(admit(budget, "later", ip("10.9.9.8"))).isEqualTo("displaced late");
        assertThat(budget.total()).isEqualTo(10);
    }

    @Test
    void oneSourceIsCappedOnlyOnceHalfTheBudgetIsInUse() throws Exception {
        ConnectionBudget<String> budget = new ConnectionBudget<>(100, EIGHT_UNREGISTERED);
        InetAddress burst = ip("10.0.0.1");
        for (int i = 0; i < 4; i++) {
            assertThat(admit(budget, "b" + i, burst)).isEqualTo("admitted"); // an idle server takes a burst
        }
        assertThat(admit(budget, "b4", burst)).asString()
                .startsWith("refused: too many unregistered connections from 10.0.0.1 (at most 2");
        assertThat(admit(budget, "other", ip("10.0.0.2"))).isEqualTo("admitted");
        budget.registered("b0");
        budget.closed("b1");
        assertThat(budget.unregistered()).isEqualTo(3);
        assertThat(admit(budget, "b5", burst)).isEqualTo("admitted"); // below half again
    }

    @Test
    void ipv6SourcesCountPerSlash64() throws Exception {
        ConnectionBudget<String> budget = new ConnectionBudget<>(100, EIGHT_UNREGISTERED);
        for (int i = 1; i <= 4; i++) {
            admit(budget, "v" + i, ip("2001:db8:1:2::" + i));
        }
        assertThat(admit(budget, "v5", ip("2001:db8:1:2::ffff"))).asString().startsWith("refused");
        assertThat(admit(budget, "w", ip("2001:db8:1:3::1"))).isEqualTo("admitted");
    }

    @Test
    void closingIsIdempotentAndFreesTheSlot() throws Exception {
        ConnectionBudget<String> budget = new ConnectionBudget<>(1, ServerDefences.forMaxConnections(1));
        admit(budget, "x", ip("10.0.0.1"));
        budget.closed("x");
        budget.closed("x");
        assertThat(budget.total()).isZero();
        assertThat(budget.sources()).isZero();
    }
}
