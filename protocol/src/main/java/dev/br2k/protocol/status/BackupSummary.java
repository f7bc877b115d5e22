package dev.br2k.protocol.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The newest backup as {@code /br2k/status} shows it: the backup record without its secrets (no storage
 * access key, no artifact key; issue 20, item 8).
 *
 * @param version          the state version that starts from this backup
 * @param lastIndex        the last log index of the previous state version included in the state
 * @param members          the replica ids registered at the time
 * @param storageLocation  where the artifacts are
 * @param leaderId         the replica that made the backup
 * @param sha256           artifact name to SHA-256 of the stored artifact
 */
public record BackupSummary(String service, long version, long lastIndex, Instant startTime, Instant endTime,
                            List<String> members, long etcdSnapshotSize, long stateSize, String storageLocation,
                            String leaderId, Map<String, String> sha256) {
    public BackupSummary {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(storageLocation, "storageLocation");
        Objects.requireNonNull(leaderId, "leaderId");
        members = List.copyOf(members);
        sha256 = Map.copyOf(sha256);
    }
}
