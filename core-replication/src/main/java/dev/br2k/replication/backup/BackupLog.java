package dev.br2k.replication.backup;

import java.io.IOException;
import java.util.Optional;

/**
 * Where backup records are kept: the service registry on a chain (registry-contract implements this),
 * or a file on one machine ({@link FileBackupLog}). The leader appends one record per backup; a Learner
 * reads the newest. Implementations must be safe to call from several processes that read while one
 * writes.
 */
public interface BackupLog {
    /** Appends the record; when this returns, {@link #newest()} of any reader returns it (or a newer one). */
    void append(BackupRecord record) throws IOException;

    /** The most recently appended record, if any. */
    Optional<BackupRecord> newest() throws IOException;

    /**
     * The most recently appended record of state version {@code version}. Not always the newest record: a
     * leader that appended a record and then lost leadership before its compaction left a record of a version
     * the service never reached. By default only the newest record is looked at.
     */
    default Optional<BackupRecord> newestOf(long version) throws IOException {
        return newest().filter(r -> r.version() == version);
    }
}
