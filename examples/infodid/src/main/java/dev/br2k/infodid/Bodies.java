package dev.br2k.infodid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.replication.BadRequestResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads request bodies; every problem becomes a 400 naming the field. */
final class Bodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    static JsonNode json(String body) {
        if (body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (!node.isObject()) {
                throw new BadRequestResponse("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static ProfileDraft profile(String body) {
        JsonNode n = json(body);
        JsonNode name = n.get("name");
        if (name == null || !name.isTextual()) {
            throw new BadRequestResponse("name is missing: a profile needs a name");
        }
        ProfileDraft draft = new ProfileDraft(name.asText(), optionalText(n, "photo"), list(n, "education"),
                list(n, "career"), instant(n, "validUntil"));
        List<String> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new BadRequestResponse(String.join("; ", problems));
        }
        return draft;
    }

    static Optional<String> optionalText(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new BadRequestResponse(field + " must be a string");
        }
        return Optional.of(v.asText());
    }

    static Optional<Instant> instant(JsonNode n, String field) {
        return optionalText(n, field).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new BadRequestResponse(field + " must be an ISO-8601 instant such as 2030-01-01T00:00:00Z, was '" + text + "'");
            }
        });
    }

    private static List<String> list(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new BadRequestResponse(field + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw new BadRequestResponse(field + " must be a list of strings");
            }
            out.add(item.asText());
        }
        return out;
    }
}
