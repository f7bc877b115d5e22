package dev.br2k.infodid.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.br2k.infodid.Consent;
import dev.br2k.infodid.Did;
import dev.br2k.infodid.Profile;
import dev.br2k.infodid.ProfileRead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns InfoDID's JSON answers back into records. */
final class Parsing {
    private Parsing() {
    }

    static Profile profile(JsonNode n) {
        return new Profile(Did.of(n.path("did").asText()), n.path("name").asText(), text(n, "photo"),
                strings(n.path("education")), strings(n.path("career")), text(n, "validUntil").map(Instant::parse),
                Instant.parse(n.path("updatedAt").asText()));
    }

    static Consent consent(JsonNode n) {
        return new Consent(Did.of(n.path("owner").asText()), Did.of(n.path("reader").asText()),
                Instant.parse(n.path("grantedAt").asText()), text(n, "until").map(Instant::parse));
    }

    static ProfileRead read(JsonNode n) {
        return new ProfileRead(Did.of(n.path("owner").asText()), Did.of(n.path("reader").asText()),
                Instant.parse(n.path("at").asText()), n.path("requestId").asText());
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
