package dev.br2k.replication.location;

import java.io.IOException;
import java.net.URI;

/**
 * Publishes where the service is served now: called by a replica when it becomes leader. The service
 * registry contract implements this on a chain; {@link FileLocationPublisher} writes a file. A failure
 * is logged and retried by the runtime; the replica serves anyway (followers redirect to it).
 *
 * <p>Every publication carries the {@link LeaderTerm} of the takeover. An implementation keeps the
 * term of the location it stores and refuses one of the same etcd cluster that is not strictly later
 * with {@link StaleLeaderTermException} (not retried): all replicas may publish, and a deposed leader's
 * late call must not overwrite the new leader's location. A term of another etcd cluster is accepted
 * ({@link LeaderTerm#supersedes}): the service runs on a new etcd, whose terms count from the start again.
 */
@FunctionalInterface
public interface LocationPublisher {
    /**
     * Publishes {@code leaderUrl} as the location of {@code service}.
     *
     * @throws StaleLeaderTermException if a location of a later (or the same) leader term of the same etcd cluster is stored
     * @throws IOException if the location could not be stored (retried by the runtime)
     */
    void publish(String service, URI leaderUrl, LeaderTerm term) throws IOException;

    /** Publishes nowhere. */
    static LocationPublisher none() {
        return (service, url, term) -> { };
    }
}
