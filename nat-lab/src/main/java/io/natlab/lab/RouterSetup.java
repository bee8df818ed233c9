package io.natlab.lab;

import io.natlab.nat.DelayBackend;
import io.natlab.nat.RouterContext;
import io.natlab.nat.RouterRuleCompiler;
import io.natlab.nat.RouterRules;
import io.natlab.topology.Rendezvous;
import io.natlab.topology.Site;
import io.natlab.topology.Subnet;

import java.time.Duration;
import java.util.List;

/**
 * Configures one router container: finds its interfaces by subnet, describes it to the rule compiler
 * ({@link RouterContext}, port forwards included) and applies what the compiler wrote. Nothing else writes rules.
 */
final class RouterSetup {
    private RouterSetup() {}

    static void apply(AddressPlan plan, Rendezvous rendezvous, HostPlan h, DockerRouterHost router, Duration timeout) {
        Site site = plan.topology().site(h.name()).orElseThrow();
        String addrs = router.exec(timeout, "ip", "-o", "-4", "addr", "show").stdout();
        Subnet wanSubnet = plan.subnet(h.network());
        Subnet lan = plan.subnet(h.lanNetwork());
        String wanIf = InterfaceTable.onSubnet(addrs, wanSubnet).orElseThrow(() ->
            new LabStartException("router " + h.name() + " has no interface on its WAN subnet " + wanSubnet + ":\n" + addrs));
        String lanIf = InterfaceTable.onSubnet(addrs, lan).orElseThrow(() ->
            new LabStartException("router " + h.name() + " has no interface on its LAN subnet " + lan + ":\n" + addrs));
        router.interfaces(wanIf, lanIf);
        DelayBackend delay = site.router().needsNetem() ? DelayBackendChoice.choose(router, site) : null;
        router.delayBackend(delay);

        List<String> inside = plan.hosts().stream()
            .filter(o -> o.network().equals(site.name()))
            .map(HostPlan::ip).toList();
        RouterContext ctx = new RouterContext(site.name(), site.nat(), site.router(), wanIf, h.ip(), wanSubnet,
            h.defaultVia(), lanIf, h.lanIp(), lan, inside, List.copyOf(plan.subnets().values()),
            RendezvousForward.forwards(plan, rendezvous, h));
        RouterRules rules = delay == null ? RouterRuleCompiler.compile(ctx) : RouterRuleCompiler.compile(ctx, delay);
        router.script("router rules of site " + site.name(), timeout, rules.applyScript());
        router.rules(rules.applyScript(), rules.resetScript());
        router.eventSetup(ctx, rules, plan.spareAddress(h.network()));
    }
}
