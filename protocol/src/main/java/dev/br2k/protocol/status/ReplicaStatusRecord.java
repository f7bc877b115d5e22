package dev.br2k.protocol.status;

import dev.br2k.protocol.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code GET /br2k/status}: what a replica says about itself. {@link StatusCodec} writes and reads it.
 *
 * @param service             the service name
 * @param id                  the replica id
 * @param role                its role right now
 * @param lpi                 latest processed index
 * @param ssi                 the service state index it last saw
 * @param logSize             the log size it last saw
 * @param stateVersion        the service's state version it last saw
 * @param replicaStateVersion the state version its local state belongs to
 * @param leader              the leader it believes in, empty when it knows none
 * @param leaderUrl           that leader's advertised URL, empty when unknown
 * @param url                 its own advertised URL
 * @param lastBackup          the newest backup it knows, empty when none
 * @param problem             what keeps it from working normally, empty when nothing does
 */
public record ReplicaStatusRecord(String service, String id, Role role, long lpi, long ssi, long logSize,
                                  long stateVersion, long replicaStateVersion, Optional<String> leader,
                                  Optional<String> leaderUrl, String url, Optional<BackupSummary> lastBackup,
                                  Optional<String> problem) {
    public ReplicaStatusRecord {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(leaderUrl, "leaderUrl");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(lastBackup, "lastBackup");
        Objects.requireNonNull(problem, "problem");
    }
}
