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
 * and state version the local state belongs to; {@code applying} exists while entries are being applied
 * and etcd has not confirmed them (I3), so a replica that crashed half-way knows at restart that its state
 * may be half-applied; {@code boot-id} is the kernel's boot id when the replica last started, so that it
 * knows when the machine restarted in between (I5).
 */
public final class LocalMeta {
    /** Content of {@code replica.json}. */
    public record Meta(String service, String replica, long stateVersion) { }

    private static final Path KERNEL_BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");
    private final Path dir;
    private final boolean durable;
    private volatile boolean applying;

    /** {@code durable}: the marker is fsync'd too, because the service's state is (see StateHooks#durable). */
    public LocalMeta(Path stateDir, boolean durable) {
        this.dir = stateDir.resolve(DirectoryStateHooks.RUNTIME_DIR);
        this.durable = durable;
        this.applying = Files.exists(dir.resolve("applying"));
    }

    /** The kernel's boot id, empty where the kernel has none (not Linux). */
    static Optional<String> currentBootId() {
        try {
            return Files.isReadable(KERNEL_BOOT_ID) ? Optional.of(Files.readString(KERNEL_BOOT_ID).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the boot id recorded at the last start differs from the kernel's now: the machine restarted. */
    public boolean machineRestarted() {
        Path f = dir.resolve("boot-id");
        try {
            Optional<String> now = currentBootId();
            return now.isPresent() && Files.exists(f) && !Files.readString(f).trim().equals(now.get());
        } catch (IOException e) {
            return true; // cannot tell: the safe answer
        }
    }

    /** Records the kernel's boot id beside the state. */
    public void recordBootId() throws IOException {
        Optional<String> now = currentBootId();
        if (now.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve("boot-id.tmp");
        Files.writeString(tmp, now.get());
        force(tmp);
        Files.move(tmp, dir.resolve("boot-id"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
     * Marks the local state as ahead of the recorded progress (no-op if already marked), before any handler
     * runs (I3). Written to the page cache, which outlives a killed process; fsync'd as well when the
     * service's state is durable, since then a machine restart must find it too (I5).
     */
    public void beginApplying(long from, long to) throws IOException {
        if (applying) {
            return;
        }
        Files.createDirectories(dir);
        Path f = dir.resolve("applying");
        Files.writeString(f, from + ".." + to);
        if (durable) {
            force(f);
        }
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
