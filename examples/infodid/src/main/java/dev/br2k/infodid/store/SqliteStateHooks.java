package dev.br2k.infodid.store;

import dev.br2k.replication.StateHooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Backs up and restores the open InfoDID database with SQLite's own tools, so a backup is consistent
 * even though the database stays open: {@code VACUUM INTO} for the snapshot, the backup API for the
 * restore.
 */
public final class SqliteStateHooks implements StateHooks {
    private final ProfileStore store;

    public SqliteStateHooks(ProfileStore store) {
        this.store = store;
    }

    /** Every commit is fsync'd ({@code synchronous=FULL}): recorded progress survives a machine restart. */
    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void snapshot(Path stateDir, Path target) throws IOException {
        Files.createDirectories(target);
        try {
            store.backupTo(target.resolve(ProfileStore.FILE_NAME));
        } catch (SQLException e) {
            throw new IOException("cannot snapshot the InfoDID database: " + e.getMessage(), e);
        }
    }

    @Override
    public void restore(Path source, Path stateDir) throws IOException {
        Path copy = source.resolve(ProfileStore.FILE_NAME);
        try {
            if (Files.isRegularFile(copy)) {
                store.restoreFrom(copy);
            } else {
                store.clear();
            }
        } catch (SQLException e) {
            throw new IOException("cannot restore the InfoDID database from " + copy + ": " + e.getMessage(), e);
        }
    }
}
