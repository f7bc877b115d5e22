package dev.br2k.replication.internal;

import dev.br2k.protocol.EntryStatus;
import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.HttpResponseException;
import dev.br2k.replication.RouteType;
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.StoredResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Runs log entries' handlers on the local state: the leader's first run (an outcome to record) and the
 * replay of an entry the leader recorded {@code SUCCESS} (followers, a Register). Callers hold the replica's
 * state lock.
 */
public final class EntryRunner {
    /** What a handler's run on the leader produced: the status to record and the response. */
    public record Ran(EntryStatus status, StoredResponse response) { }

    private final Map<String, Route> routes;
    private final Path stateDir;
    private final ReplicaLog log;

    EntryRunner(Map<String, Route> routes, Path stateDir, ReplicaLog log) {
        this.routes = Map.copyOf(routes);
        this.stateDir = stateDir;
        this.log = log;
    }

    public Optional<Route> route(HttpMethod method, String path) {
        return Optional.ofNullable(routes.get(Route.key(method, path)));
    }

    /**
     * Runs an entry's handler for the first time (the leader); a throwing handler makes the entry {@code FAILED}. An
     * {@link HttpResponseException} answers with its status and message (the service developer wrote it for clients);
     * any other exception answers 500 {@code {"error": "the handler failed", "errorId": <uuid>}} and is logged with
     * that id: its text never reaches the client or etcd.
     */
    public Ran run(LogEntry entry, long index) {
        Route route = routes.get(Route.key(entry.method(), entry.route()));
        if (route == null) {
            log.error("entry {} names route {} {} which this replica does not have: replicas run different code",
                    index, entry.method(), entry.route());
            return new Ran(EntryStatus.FAILED, EntryContext.error(500, "no such route on this replica"));
        }
        if (entry.type() == RouteType.EXTERNAL_TXN) {
            return new Ran(EntryStatus.SUCCESS, StoredResponse.json(200,
                    Json.write(Map.of("index", index, "requestId", entry.requestId(), "logged", true))));
        }
        EntryContext ctx = new EntryContext(entry, index, stateDir, false);
        try {
            route.handler().handle(ctx);
            return new Ran(EntryStatus.SUCCESS, ctx.response());
        } catch (HttpResponseException e) {
            return new Ran(EntryStatus.FAILED, EntryContext.error(e.status(), e.getMessage()));
        } catch (Exception e) {
            // The exception's text may hold anything (a database URL, a key): the client and etcd get an id, the log the detail.
            String errorId = ErrorIds.next();
            log.error("handler of {} {} failed at entry {} (error id {})", entry.method(), entry.path(), index, errorId, e);
            return new Ran(EntryStatus.FAILED, EntryContext.handlerFailed(errorId));
        }
    }

    /**
     * Applies an entry the leader recorded {@code SUCCESS} (follower, register).
     *
     * @throws HandlerFailedException if the handler throws: the entry must not be skipped (I4)
     */
    public void applyCommitted(LogEntry entry, long index) {
        Route route = routes.get(Route.key(entry.method(), entry.route()));
        if (route == null) {
            throw new HandlerFailedException(index, "entry " + index + " names route " + entry.method() + " " + entry.route()
                    + " which this replica does not have: replicas run different code", null);
        }
        try {
            route.handler().handle(new EntryContext(entry, index, stateDir, true));
        } catch (Exception e) {
            String errorId = ErrorIds.next();
            log.error("the handler of {} {} failed on entry {}, which the leader recorded SUCCESS (error id {})", entry.method(),
                    entry.path(), index, errorId, e);
            // the message reaches /br2k/status (open to probes): BR2K's sentence and the id, not the exception's text
            throw new HandlerFailedException(index, "the handler of " + entry.method() + " " + entry.path() + " failed on entry "
                    + index + ", which the leader recorded SUCCESS (error id " + errorId + ", in this replica's log)", e);
        }
    }
}
