package dev.br2k.cli.deploy;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ServiceState;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "state", mixinStandardHelpOptions = true,
        description = "Shows the service's replicas (phase, role, latest processed index, state version), etcd members and replication problems.")
public final class StateCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterOptions options;

    @Override
    public Integer call() {
        try (ClusterTarget target = ClusterTarget.open(common, options)) {
            ServiceState s = target.run("state", () -> target.cluster().state());
            print(common.out(), s);
            return ExitCode.OK;
        }
    }

    /** The table 'state' and 'sandbox status' print. */
    public static void print(PrintWriter out, ServiceState s) {
        out.println(s.service() + ": " + s.replicas().size() + " replicas (desired " + s.desiredReplicas() + ")"
                + (s.paused() ? ", PAUSED" : "") + ", " + s.members().size() + " etcd members"
                + s.keys().map(k -> ", service state " + k.serviceState()).orElse(""));
        out.printf("%-16s %-9s %-9s %6s %4s %-10s %s%n", "REPLICA", "PHASE", "ROLE", "LPI", "SV", "NODE", "DETAIL");
        for (ReplicaState r : s.replicas()) {
            out.printf("%-16s %-9s %-9s %6s %4s %-10s %s%n", r.name(), r.phase(), r.role(),
                    r.status().map(x -> Long.toString(x.lpi())).orElse("-"),
                    r.status().map(x -> Long.toString(x.stateVersion())).orElse("-"),
                    r.node().isEmpty() ? "-" : r.node(), r.detail());
        }
        var problems = s.problems();
        if (problems.isEmpty()) {
            out.println(s.paused() ? "paused" : "healthy");
        } else {
            out.println("problems: " + String.join("; ", problems) + " (try 'br2k recovery')");
        }
    }
}
