package dev.br2k.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * One replica as the cluster sees it.
 *
 * @param name     replica name, {@code <service>-<index>}; also its etcd member name and replica id
 * @param index    ordinal, from 0
 * @param phase    where its processes or pod are
 * @param node     the Kubernetes node, or the local host name
 * @param restarts how often its containers or processes were restarted
 * @param memberId its etcd member id in hex, empty when it is not (or not yet) a member
 * @param status   what the replica reported on {@code /br2k/status}, empty when it did not answer
 * @param detail   a line for people: the reason of a failure, pids, ports
 */
public record ReplicaState(String name, int index, ReplicaPhase phase, String node, int restarts,
                           Optional<String> memberId, Optional<ReplicaStatus> status, String detail) {

    public ReplicaState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** The role it reported, or {@code "-"} when it did not answer. */
    public String role() {
        return status.map(s -> s.role().name()).orElse("-");
    }
}
