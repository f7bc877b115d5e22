package dev.br2k.replication.location;

import dev.br2k.replication.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the leader's location to a JSON file, replaced atomically:
 * {@code {"service":"kv","url":"http://127.0.0.1:8080","updatedAt":"..."}}.
 */
public final class FileLocationPublisher implements LocationPublisher {
    /** The file's content. */
    public record Location(String service, URI url, Instant updatedAt) { }

    private final Path file;

    public FileLocationPublisher(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    @Override
    public synchronized void publish(String service, URI leaderUrl) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(tmp, Json.write(new Location(service, leaderUrl, Instant.now())));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a location file written by this class. */
    public static Optional<Location> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.read(Files.readString(file), Location.class));
    }
}
