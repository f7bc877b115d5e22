package dev.br2k.cluster.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.br2k.cluster.ClusterException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Reads and atomically writes {@code cluster.json}; an exclusive file lock keeps two JVMs from changing one cluster at once. */
final class StateFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Path lockFile;

    StateFile(Path dir) {
        this.file = dir.resolve("cluster.json");
        this.lockFile = dir.resolve(".lock");
    }

    Path path() {
        return file;
    }

    Optional<LocalState> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), LocalState.class));
        } catch (IOException e) {
            throw new ClusterException("The local cluster state " + file + " cannot be read: " + e.getMessage()
                    + ". If the cluster is gone, delete the file and deploy again.", e);
        }
    }

    void write(LocalState state) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("cluster.json.tmp");
            JSON.writeValue(tmp.toFile(), state);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClusterException("Cannot write the local cluster state " + file + ": " + e.getMessage()
                    + ". Check free space and permissions.", e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ClusterException("Cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    /** Holds the cluster's lock until closed; waits for another JVM's operation to finish. */
    Lock lock() {
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return () -> {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException ignored) {
                    // closing the channel releases the lock anyway
                }
            };
        } catch (IOException e) {
            throw new ClusterException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface Lock extends AutoCloseable {
        @Override
        void close();
    }
}
