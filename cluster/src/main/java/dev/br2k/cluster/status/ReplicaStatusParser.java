package dev.br2k.cluster.status;

import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.protocol.ProtocolException;
import dev.br2k.protocol.status.StatusCodec;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the JSON a replica serves on {@code GET /br2k/status} with the protocol's strict {@link StatusCodec}.
 * A body that is not a status of this BR2K version (a missing or unknown field, a wrong type) gives no status,
 * and the reason, naming the field, is logged as a warning: the replica shows as not answering, never with a
 * guessed role.
 */
public final class ReplicaStatusParser {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaStatusParser.class);

    private ReplicaStatusParser() {
    }

    /** The status, or empty when the text is not a status this version reads (logged). */
    public static Optional<ReplicaStatus> parse(String json) {
        try {
            return Optional.of(ReplicaStatus.of(StatusCodec.decode(json)));
        } catch (ProtocolException e) {
            LOG.warn("a replica's status cannot be read: {}; run the same BR2K version for the replicas and this tool",
                    e.getMessage());
            return Optional.empty();
        }
    }
}
