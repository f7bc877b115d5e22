package dev.br2k.replication;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/**
 * What a {@link Handler} sees of one request, on the leader and when a follower replays it.
 *
 * <p>{@link #timestamp()} and {@link #random()} come from the log entry, so every replica gets the same
 * values. The response set here reaches the client only from the leader; on a follower
 * ({@link #replaying()} is true) it is discarded.
 */
public interface Br2kContext {
    HttpMethod method();

    /** The request path, e.g. {@code /kv/a}. */
    String path();

    /** A path parameter of the route, e.g. {@code key} for {@code /kv/{key}}; 400 if absent. */
    String pathParam(String name);

    Optional<String> queryParam(String name);

    /** A request header kept in the log (Content-Type and headers starting with {@code X-}). */
    Optional<String> header(String name);

    /** The raw request body (UTF-8), empty if there was none. */
    String body();

    /** The body parsed as JSON; malformed JSON throws a {@link BadRequestResponse} (400). */
    <T> T bodyAsClass(Class<T> type);

    /** When the leader logged the request: the same on every replica. */
    Instant timestamp();

    /** A random generator seeded from the log entry: the same sequence on every replica. */
    Random random();

    /** The entry's index in the log of the current state version. */
    long index();

    /** The client's request id ({@code Br2k-Request-Id}) or one the leader generated. */
    String requestId();

    /** The service's local state directory. */
    Path stateDir();

    /** True when a follower (or a new leader preparing) replays the entry; the response is discarded. */
    boolean replaying();

    Br2kContext status(int status);

    /** Answers with a text body ({@code text/plain}). */
    Br2kContext result(String body);

    /** Answers with the value serialised as JSON. */
    Br2kContext json(Object value);
}
