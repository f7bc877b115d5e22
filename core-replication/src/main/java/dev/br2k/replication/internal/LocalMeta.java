package dev.br2k.replication.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The runtime's own files in {@code <stateDir>/.br2k}: {@code replica.json} says which service, replica
 * and state version the local state belongs to; {@code applying} exists while entries are being applied,
 * so a replica that crashed half-way knows at restart that its state may be half-applied.
 */
public final class LocalMeta {
    /** Content of {@code replica.json}. */
    public record Meta(String service, String replica, long stateVersion) { }

    private final Path dir;
    private volatile boolean applying;

    public LocalMeta(Path stateDir) {
        this.dir = stateDir.resolve(DirectoryStateHooks.RUNTIME_DIR);
        this.applying = Files.exists(dir.resolve("applying"));
    }

    public Optional<Meta> read() {
        Path f = dir.resolve("replica.json");
        try {
            return Files.exists(f) ? Optional.of(Json.read(Files.readString(f), Meta.class)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void write(Meta meta) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("replica.json.tmp");
        Files.writeString(tmp, Json.write(meta));
        force(tmp);
        Files.move(tmp, dir.resolve("replica.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** True while applied entries are not yet recorded in {@code lpi/<me>}. */
    public boolean applying() {
        return applying;
    }

    /**
     * Marks the local state as ahead of the recorded progress (no-op if already marked). Not fsynced: it
     * guards against a crash of the process, like SQLite's WAL with {@code synchronous=NORMAL}.
     */
    public void beginApplying(long from, long to) throws IOException {
        if (applying) {
            return;
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("applying"), from + ".." + to);
        applying = true;
    }

    public void endApplying() throws IOException {
        Files.deleteIfExists(dir.resolve("applying"));
        applying = false;
    }

    private static void force(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
