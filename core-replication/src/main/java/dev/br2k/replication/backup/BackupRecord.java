package dev.br2k.replication.backup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One backup ("state version up", spec §1.6): what was stored where, and the SHA-256 of every artifact
 * so a Learner can refuse a tampered or truncated one. The Ethereum {@link BackupLog} encrypts this
 * record to the service account's key; this type is the plain record.
 *
 * @param service           the service name
 * @param version           the state version that starts from this backup (the first backup makes 2)
 * @param lastIndex         the last log index of the previous state version included in the state
 * @param startTime         when the leader stopped accepting requests for the backup
 * @param endTime           when the artifacts and this record were complete
 * @param members           the replica ids registered at the time
 * @param etcdSnapshotSize  size in bytes of the etcd snapshot artifact
 * @param stateSize         size in bytes of the state artifact
 * @param storageLocation   where the artifacts are (for {@link DirectoryBackupStore}, a {@code file:} URI)
 * @param storageAccessKey  what a reader needs to fetch them (empty for a directory)
 * @param leaderId          the replica that made the backup
 * @param sha256            artifact name to lower-case hex SHA-256
 */
public record BackupRecord(
        String service,
        long version,
        long lastIndex,
        Instant startTime,
        Instant endTime,
        List<String> members,
        long etcdSnapshotSize,
        long stateSize,
        String storageLocation,
        String storageAccessKey,
        String leaderId,
        Map<String, String> sha256) {

    /** Name of the artifact holding the service's local state (a zip of the snapshot directory). */
    public static final String STATE_ARTIFACT = "state.zip";
    /** Name of the artifact holding the etcd snapshot. */
    public static final String ETCD_ARTIFACT = "etcd.snapshot";

    public BackupRecord {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(storageLocation, "storageLocation");
        Objects.requireNonNull(leaderId, "leaderId");
        if (version < 2) {
            throw new IllegalArgumentException("version must be >= 2 (state version 1 has no backup), was " + version);
        }
        members = List.copyOf(members);
        storageAccessKey = storageAccessKey == null ? "" : storageAccessKey;
        sha256 = Map.copyOf(sha256);
    }
}
