package dev.br2k.replication.location;

import java.io.IOException;
import java.net.URI;

/**
 * Publishes where the service is served now: called by a replica when it becomes leader. The service
 * registry contract implements this on a chain; {@link FileLocationPublisher} writes a file. A failure
 * is logged and retried by the runtime; the replica serves anyway (followers redirect to it).
 */
@FunctionalInterface
public interface LocationPublisher {
    void publish(String service, URI leaderUrl) throws IOException;

    /** Publishes nowhere. */
    static LocationPublisher none() {
        return (service, url) -> { };
    }
}
