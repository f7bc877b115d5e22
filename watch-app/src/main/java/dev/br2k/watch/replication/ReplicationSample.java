package dev.br2k.watch.replication;

import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.ServiceState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the replicas said at one moment, as far as the replication charts need it.
 *
 * @param at           when the replicas were read
 * @param leader       the replica that reported itself Leader, empty when none did
 * @param serviceState the service state index (ssi), {@code -1} when unknown
 * @param lpis         each answering replica's latest processed index, by replica name, in replica order
 * @param stateVersion the service's state version (it goes up with each backup), {@code -1} when unknown
 * @param restoring    the replicas that reported themselves Learner (restoring their state)
 */
public record ReplicationSample(Instant at, Optional<String> leader, long serviceState, Map<String, Long> lpis,
                                long stateVersion, Set<String> restoring) {

    public ReplicationSample {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leader, "leader");
        lpis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(lpis, "lpis")));
        restoring = Set.copyOf(Objects.requireNonNull(restoring, "restoring"));
    }

    /** A sample that says nothing of backups or restores. */
    public ReplicationSample(Instant at, Optional<String> leader, long serviceState, Map<String, Long> lpis) {
        this(at, leader, serviceState, lpis, -1, Set.of());
    }

    /**
     * The sample in a polled service state: the ssi from the replication keys, or else the highest ssi a
     * replica reported.
     */
    public static ReplicationSample of(ServiceState state) {
        Map<String, Long> lpis = new LinkedHashMap<>();
        long reportedSsi = -1;
        long stateVersion = -1;
        Set<String> restoring = new java.util.HashSet<>();
        for (ReplicaState r : state.replicas()) {
            if (r.status().isPresent()) {
                ReplicaStatus status = r.status().get();
                lpis.put(r.name(), status.lpi());
                reportedSsi = Math.max(reportedSsi, status.ssi());
                stateVersion = Math.max(stateVersion, status.stateVersion());
                if (status.isLearner()) {
                    restoring.add(r.name());
                }
            }
        }
        long ssi = state.keys().map(k -> k.serviceState()).filter(s -> s >= 0).orElse(reportedSsi);
        Optional<String> leader = state.replicas().stream()
                .filter(r -> r.status().map(ReplicaStatus::isLeader).orElse(false))
                .map(ReplicaState::name).findFirst();
        return new ReplicationSample(state.observedAt(), leader, ssi, lpis, stateVersion, restoring);
    }

    /**
     * Each follower's lag in entries (ssi − lpi, never below 0); the leader is left out. Empty when the
     * ssi is unknown.
     */
    public Map<String, Long> followerLags() {
        Map<String, Long> lags = new LinkedHashMap<>();
        if (serviceState < 0) {
            return lags;
        }
        lpis.forEach((name, lpi) -> {
            if (!leader.map(name::equals).orElse(false)) {
                lags.put(name, Math.max(0, serviceState - lpi));
            }
        });
        return lags;
    }
}
