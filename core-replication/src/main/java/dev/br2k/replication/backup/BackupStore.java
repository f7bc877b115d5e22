package dev.br2k.replication.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Off-chain storage for backup artifacts: a directory by default ({@link DirectoryBackupStore}); an
 * S3-compatible store can implement the same three methods.
 */
public interface BackupStore {
    /**
     * Stores the artifacts (name to local file) of one backup and returns the location to put in the
     * backup record. Never overwrites an earlier backup.
     */
    String store(String service, long version, Map<String, Path> artifacts) throws IOException;

    /** Copies one artifact from a location returned by {@link #store} to {@code target}. */
    void fetch(String location, String artifact, Path target) throws IOException;

    /** What a reader needs besides the location (a directory needs nothing). */
    default String accessKey() {
        return "";
    }
}
