package dev.br2k.cluster;

import dev.br2k.protocol.Role;
import dev.br2k.protocol.status.BackupSummary;
import dev.br2k.protocol.status.ReplicaStatusRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * What a replica says about itself on {@code GET /br2k/status} (the protocol's {@link ReplicaStatusRecord}, the
 * fields the cluster shows).
 *
 * @param id           replica id
 * @param role         its role right now
 * @param lpi          latest processed index
 * @param ssi          service state index it last saw
 * @param logSize      log size it last saw
 * @param stateVersion the service's state version it last saw
 * @param leader       the leader it believes in, empty when it knows none
 * @param leaderUrl    that leader's advertised URL, empty when unknown
 * @param lastBackup   the newest backup it knows, empty when none
 */
public record ReplicaStatus(String id, Role role, long lpi, long ssi, long logSize, long stateVersion,
                            Optional<String> leader, Optional<String> leaderUrl, Optional<BackupSummary> lastBackup) {

    public ReplicaStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(leaderUrl, "leaderUrl");
        Objects.requireNonNull(lastBackup, "lastBackup");
    }

    public static ReplicaStatus of(ReplicaStatusRecord s) {
        return new ReplicaStatus(s.id(), s.role(), s.lpi(), s.ssi(), s.logSize(), s.stateVersion(), s.leader(),
                s.leaderUrl(), s.lastBackup());
    }

    public boolean isLeader() {
        return role == Role.LEADER;
    }

    public boolean isLearner() {
        return role == Role.LEARNER;
    }
}
