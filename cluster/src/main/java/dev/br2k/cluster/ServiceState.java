package dev.br2k.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a deployed service.
 *
 * @param service         service name
 * @param desiredReplicas replicas the service is meant to have (kept while paused)
 * @param paused          true after {@link Br2kCluster#pause}
 * @param replicas        every replica it has or should have, by index
 * @param members         the etcd member list, empty when no member answered
 * @param keys            the replication keys, empty when etcd could not be read
 * @param observedAt      when this was read
 */
public record ServiceState(String service, int desiredReplicas, boolean paused, List<ReplicaState> replicas,
                           List<MemberInfo> members, Optional<ReplicationKeys> keys, Instant observedAt) {

    /** A follower further behind the service state index than this counts as lagging. */
    public static final long LAG_TOLERANCE = 100;

    public ServiceState {
        Objects.requireNonNull(service, "service");
        replicas = List.copyOf(replicas);
        members = List.copyOf(members);
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /** The replica that reports itself Leader, if one does. */
    public Optional<ReplicaState> leader() {
        return replicas.stream().filter(r -> r.status().map(ReplicaStatus::isLeader).orElse(false)).findFirst();
    }

    /** The replica with this name, if the service has it. */
    public Optional<ReplicaState> replica(String name) {
        return replicas.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Replicas whose processes or pod are running. */
    public long running() {
        return replicas.stream().filter(r -> r.phase() == ReplicaPhase.RUNNING).count();
    }

    /**
     * Why replication is faulty: a replica down, lagging or learning, or no leader. Empty when healthy
     * or paused. This is what enables RECOVERY in the Watch.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (paused) {
            return problems;
        }
        for (ReplicaState r : replicas) {
            if (r.phase() == ReplicaPhase.FAILED || r.phase() == ReplicaPhase.MISSING) {
                problems.add(r.name() + " is " + r.phase().name().toLowerCase() + (r.detail().isEmpty() ? "" : ": " + r.detail()));
            } else if (r.status().map(ReplicaStatus::isLearner).orElse(false)) {
                problems.add(r.name() + " is learning (restoring a backup)");
            } else if (r.status().isPresent() && keys.isPresent() && keys.get().serviceState() >= 0
                    && keys.get().serviceState() - r.status().get().lpi() > LAG_TOLERANCE) {
                problems.add(r.name() + " lags: lpi " + r.status().get().lpi() + " of " + keys.get().serviceState());
            }
        }
        if (!replicas.isEmpty() && leader().isEmpty()) {
            problems.add("no replica is leader");
        }
        return problems;
    }

    public boolean faulty() {
        return !problems().isEmpty();
    }
}
