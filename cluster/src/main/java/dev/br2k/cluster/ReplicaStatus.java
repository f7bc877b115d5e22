package dev.br2k.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * What a replica says about itself on {@code GET /br2k/status}.
 *
 * @param id           replica id
 * @param role         Follower, Register, Leader or Learner
 * @param lpi          latest processed index
 * @param ssi          service state index it last saw
 * @param logSize      log size it last saw
 * @param stateVersion state version its local state belongs to
 * @param leader       the leader it believes in, empty when it knows none
 * @param leaderUrl    that leader's advertised URL, empty when unknown
 * @param lastBackup   a description of the newest backup it knows, empty when none
 */
public record ReplicaStatus(String id, String role, long lpi, long ssi, long logSize, long stateVersion,
                            Optional<String> leader, Optional<String> leaderUrl, Optional<String> lastBackup) {

    public ReplicaStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(leaderUrl, "leaderUrl");
        Objects.requireNonNull(lastBackup, "lastBackup");
    }

    public boolean isLeader() {
        return "leader".equalsIgnoreCase(role);
    }

    public boolean isLearner() {
        return "learner".equalsIgnoreCase(role);
    }
}
