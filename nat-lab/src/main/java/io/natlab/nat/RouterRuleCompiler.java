package io.natlab.nat;

/**
 * STUB (plain MASQUERADE, unsolicited SYNs dropped) until the real compiler lands.
 * Pure function: NAT behaviour + router options + discovered interfaces -> shell scripts.
 */
public final class RouterRuleCompiler {
    private RouterRuleCompiler() {}

    public static RouterRules compile(RouterContext ctx) {
        String apply = String.join("\n",
            "sysctl -qw net.ipv4.ip_forward=1",
            "iptables -t nat -A POSTROUTING -o " + ctx.wanIf() + " -j MASQUERADE",
            "iptables -A INPUT -i " + ctx.wanIf() + " -p tcp --syn -m conntrack --ctstate NEW -j DROP",
            "");
        return new RouterRules(apply, "conntrack -F 2>/dev/null || true\n");
    }
}
