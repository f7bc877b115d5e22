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
 * {@code {"service":"kv","url":"http://127.0.0.1:8080","updatedAt":"...","term":{"clusterId":-3605566371734233035,"etcdTerm":2,"revision":17}}}.
 * As the registry does, it refuses a location of the same etcd cluster whose leader term is not
 * strictly later than the stored one ({@link StaleLeaderTermException}), and accepts any term of
 * another etcd cluster (a new deployment: see {@link LeaderTerm#supersedes}). The check and the write are atomic among the
 * publishers of one JVM; replicas in other processes sharing the file are ordered only by the term
 * check on what they read (the registry is the place where separate processes race safely).
 */
public final class FileLocationPublisher implements LocationPublisher {
    /** The file's content; a file written before leader terms (or cluster ids) existed reads as cluster 0, term (0, 0). */
    public record Location(String service, URI url, Instant updatedAt, LeaderTerm term) {
        public Location {
            term = term == null ? new LeaderTerm(0, 0, 0) : term;
        }
    }

    private final Path file;

    public FileLocationPublisher(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    @Override
    public synchronized void publish(String service, URI leaderUrl, LeaderTerm term) throws IOException {
        Objects.requireNonNull(term, "term");
        Optional<Location> stored = read(file);
        if (stored.isPresent() && !term.supersedes(stored.get().term())) {
            throw new StaleLeaderTermException(service, stored.get().term(), term);
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(tmp, Json.write(new Location(service, leaderUrl, Instant.now(), term)));
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
