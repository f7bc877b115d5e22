package dev.br2k.replication.backup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One backup ("state version up", spec §1.6): what was stored where, and the SHA-256 of every artifact
 * so a Learner can refuse a tampered or truncated one. The artifacts are stored encrypted with AES-256-GCM
 * under {@code artifactKey}, a fresh key per backup that travels only inside this record. The record is
 * therefore a secret: a {@link BackupLog} keeps it encrypted and authenticated (the registry's to the service
 * account's key, {@link FileBackupLog} under its key file), and status and etcd get
 * {@link #withoutSecrets()}.
 *
 * @param service           the service name
 * @param version           the state version that starts from this backup (the first backup makes 2)
 * @param lastIndex         the last log index of the previous state version included in the state
 * @param startTime         when the leader stopped accepting requests for the backup
 * @param endTime           when the artifacts and this record were complete
 * @param members           the replica ids registered at the time
 * @param etcdSnapshotSize  size in bytes of the stored (encrypted) etcd snapshot artifact
 * @param stateSize         size in bytes of the stored (encrypted) state artifact
 * @param storageLocation   where the artifacts are (for {@link DirectoryBackupStore}, a {@code file:} URI)
 * @param storageAccessKey  what a reader needs to fetch them (empty for a directory); a secret
 * @param leaderId          the replica that made the backup
 * @param sha256            artifact name to lower-case hex SHA-256 of the stored (encrypted) artifact
 * @param artifactKey       base64 of the AES-256 key the artifacts are encrypted with; a secret. Empty in
 *                          {@link #withoutSecrets()} and in records of clear-text backups made before BR2K
 *                          encrypted them, which are not restored
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
        Map<String, String> sha256,
        String artifactKey) {

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
        artifactKey = artifactKey == null ? "" : artifactKey;
    }

    /** This record without the storage access key and the artifact key: what status and etcd may show. */
    public BackupRecord withoutSecrets() {
        return new BackupRecord(service, version, lastIndex, startTime, endTime, members, etcdSnapshotSize, stateSize,
                storageLocation, "", leaderId, sha256, "");
    }

    /** Whether the artifacts of this record are encrypted (records of older BR2K versions are not). */
    public boolean encrypted() {
        return !artifactKey.isEmpty();
    }

    /** Never prints the secrets, so a record in a log line or an exception leaks nothing. */
    @Override
    public String toString() {
        return "BackupRecord[service=" + service + ", version=" + version + ", lastIndex=" + lastIndex
                + ", storageLocation=" + storageLocation + ", leaderId=" + leaderId + ", sha256=" + sha256 + "]";
    }
}
