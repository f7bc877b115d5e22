package dev.br2k.replication.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.br2k.replication.BadRequestResponse;
import dev.br2k.replication.Br2kContext;
import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.StoredResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** The {@link Br2kContext} of one log entry, on the leader or replayed on a follower. */
public final class EntryContext implements Br2kContext {
    private final LogEntry entry;
    private final long index;
    private final Path stateDir;
    private final boolean replaying;
    private Random random;
    private int status = 200;
    private String contentType = "text/plain";
    private String body = "";

    public EntryContext(LogEntry entry, long index, Path stateDir, boolean replaying) {
        this.entry = entry;
        this.index = index;
        this.stateDir = stateDir;
        this.replaying = replaying;
    }

    @Override
    public HttpMethod method() {
        return entry.method();
    }

    @Override
    public String path() {
        return entry.path();
    }

    @Override
    public String pathParam(String name) {
        String v = entry.pathParams().get(name);
        if (v == null) {
            throw new BadRequestResponse("path parameter '" + name + "' is missing from " + entry.path());
        }
        return v;
    }

    @Override
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(entry.query().get(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(entry.headers().get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String body() {
        return entry.body();
    }

    @Override
    public <T> T bodyAsClass(Class<T> type) {
        try {
            return Json.MAPPER.readValue(entry.body(), type);
        } catch (JsonProcessingException e) {
            throw new BadRequestResponse("the body is not valid JSON for " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    @Override
    public Instant timestamp() {
        return Instant.ofEpochMilli(entry.timestamp());
    }

    @Override
    public Random random() {
        if (random == null) {
            random = new Random(entry.seed());
        }
        return random;
    }

    @Override
    public long index() {
        return index;
    }

    @Override
    public String requestId() {
        return entry.requestId();
    }

    @Override
    public Path stateDir() {
        return stateDir;
    }

    @Override
    public boolean replaying() {
        return replaying;
    }

    @Override
    public Br2kContext status(int newStatus) {
        if (newStatus < 100 || newStatus > 599) {
            throw new IllegalArgumentException("status must be 100..599, was " + newStatus);
        }
        this.status = newStatus;
        return this;
    }

    @Override
    public Br2kContext result(String text) {
        this.contentType = "text/plain";
        this.body = text;
        return this;
    }

    @Override
    public Br2kContext json(Object value) {
        this.contentType = "application/json";
        this.body = Json.write(value);
        return this;
    }

    public StoredResponse response() {
        return new StoredResponse(status, contentType, body);
    }

    /**
     * The answer to a handler's unexpected exception, stored in etcd and sent to the client:
     * {@code {"error": "the handler failed", "errorId": errorId, "status": 500}}; the detail is in the replica's log.
     */
    public static StoredResponse handlerFailed(String errorId) {
        return StoredResponse.json(500, Json.write(Map.of("error", "the handler failed", "errorId", errorId, "status", 500)));
    }

    /** A JSON error body, {@code {"error": message, "status": status}}. */
    public static StoredResponse error(int status, String message) {
        return StoredResponse.json(status, Json.write(Map.of("error", message, "status", status)));
    }
}
