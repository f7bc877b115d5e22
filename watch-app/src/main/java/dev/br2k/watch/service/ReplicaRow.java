package dev.br2k.watch.service;

import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.ServiceState;

import java.util.Objects;

/**
 * One row of the replica table.
 *
 * @param name         replica name
 * @param node         node or host
 * @param phase        where its processes are (running, starting, failed, stopped, missing)
 * @param role         its BR2K role, or {@code -} when it did not answer
 * @param progress     "lpi / ssi": how far it has processed the service's log
 * @param stateVersion the state version its local state belongs to
 * @param restarts     restarts of its processes
 * @param detail       a line for people (failure reason, pids, ports)
 * @param healthy      false when this replica is one of the service's problems
 */
public record ReplicaRow(String name, String node, String phase, String role, String progress, long stateVersion,
                         int restarts, String detail, boolean healthy) {

    public ReplicaRow {
        Objects.requireNonNull(name, "name");
    }

    public static ReplicaRow of(ReplicaState r, ServiceState service) {
        long ssi = service.keys().map(k -> k.serviceState()).orElse(-1L);
        String progress = r.status().map(s -> s.lpi() + " / " + (ssi >= 0 ? ssi : s.ssi())).orElse("-");
        long version = r.status().map(ReplicaStatus::stateVersion).orElse(0L);
        boolean healthy = service.problems().stream().noneMatch(p -> p.startsWith(r.name() + " "));
        String role = r.role();
        if (!role.equals("-")) {
            role = role.substring(0, 1).toUpperCase() + role.substring(1).toLowerCase();
        }
        return new ReplicaRow(r.name(), r.node(), r.phase().name().toLowerCase(), role, progress, version,
                r.restarts(), r.detail(), healthy);
    }
}
