package dev.br2k.cluster.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.cluster.ReplicaStatus;

import java.io.IOException;
import java.util.Optional;

/** Parses the JSON a replica serves on {@code GET /br2k/status}; lenient about missing fields. */
public final class ReplicaStatusParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplicaStatusParser() {
    }

    /** The status, or empty when the text is not a status object. */
    public static Optional<ReplicaStatus> parse(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (n == null || !n.isObject() || !n.has("role")) {
            return Optional.empty();
        }
        return Optional.of(new ReplicaStatus(
                n.path("id").asText(""),
                n.path("role").asText(""),
                n.path("lpi").asLong(-1),
                n.path("ssi").asLong(-1),
                n.path("logSize").asLong(-1),
                n.path("stateVersion").asLong(0),
                text(n.get("leader")),
                text(n.get("leaderUrl")),
                text(n.get("lastBackup"))));
    }

    private static Optional<String> text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Optional.empty();
        }
        String s = n.isValueNode() ? n.asText() : n.toString();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
