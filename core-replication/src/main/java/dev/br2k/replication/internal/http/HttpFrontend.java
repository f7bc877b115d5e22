package dev.br2k.replication.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.br2k.protocol.LeaderValue;
import dev.br2k.protocol.Role;
import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.HttpResponseException;
import dev.br2k.replication.NotLeaderException;
import dev.br2k.replication.RouteType;
import dev.br2k.replication.internal.EntryContext;
import dev.br2k.replication.internal.ErrorIds;
import dev.br2k.replication.internal.Json;
import dev.br2k.replication.internal.PendingRequest;
import dev.br2k.replication.internal.leader.LeaderPipeline;
import dev.br2k.replication.internal.Replica;
import dev.br2k.replication.internal.Route;
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.StoredResponse;
import dev.br2k.replication.internal.status.StatusView;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The replica's HTTP server (Javalin): the service's routes, {@code GET /br2k/status} (open), and the admin routes
 * {@code GET /metrics} and {@code POST /br2k/backup} ({@link AdminAuth}). On a follower the service's routes answer
 * 307 to the leader.
 */
public final class HttpFrontend implements AutoCloseable {
    /** The header a client sets to make retries exactly-once. */
    public static final String REQUEST_ID = "Br2k-Request-Id";
    private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Replica r;
    private final Javalin app;
    private final AdminAuth admin;

    public HttpFrontend(Replica replica, List<Route> routes) {
        this.r = replica;
        this.admin = AdminAuth.from(replica.config());
        if (!admin.configured()) {
            r.log().warn("no admin token configured (BR2K_ADMIN_TOKEN_FILE or BR2K_ADMIN_TOKEN): POST /br2k/backup and "
                    + "GET /metrics answer 403 until one is");
        }
        long maxBody = replica.config().maxBodyBytes();
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = maxBody;
            cfg.startupWatcherEnabled = false;
        });
        app.before(ctx -> {
            String length = ctx.header("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBody) {
                throw new HttpResponseException(413, "the request body is " + length + " bytes; this service accepts at most "
                        + maxBody + " bytes");
            }
        });
        app.get("/br2k/status", ctx -> ctx.contentType("application/json").result(StatusView.json(r.config(), r.state())));
        // /br2k/status stays open: probes, the Watch and `br2k status` read it; it holds no secret (module README)
        app.get("/metrics", ctx -> {
            admin.require(ctx);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(r.metrics().scrape());
        });
        app.post("/br2k/backup", ctx -> {
            admin.require(ctx);
            if (r.requestBackup()) {
                writeJson(ctx, 202, Map.of("message", "backup requested; it runs before the next request"));
            } else {
                notLeader(ctx);
            }
        });
        for (Route route : routes) {
            app.addHttpHandler(HandlerType.valueOf(route.method().name()), route.path(), ctx -> serve(ctx, route));
        }
        app.exception(HttpResponseException.class, (e, ctx) -> writeError(ctx, e.status(), e.getMessage()));
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> writeError(ctx, e.getStatus(),
                switch (e.getStatus()) {
                    case 413 -> "the request body is larger than the " + maxBody + " bytes this service accepts";
                    case 404 -> "no route " + ctx.method() + " " + ctx.path() + " on this service";
                    default -> e.getMessage();
                }));
        app.exception(Exception.class, (e, ctx) -> {
            String errorId = ErrorIds.next();
            r.log().error("request {} {} failed (error id {})", ctx.method(), ctx.path(), errorId, e);
            writeJson(ctx, 500, Map.of("error", "the request failed inside the replica", "errorId", errorId, "status", 500));
        });
    }

    public HttpFrontend start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    private void serve(Context ctx, Route route) throws Exception {
        if (r.role() != Role.LEADER) {
            notLeader(ctx);
            return;
        }
        String body = ctx.body();
        String contentType = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (contentType.contains("json") && !body.isBlank()) {
            try {
                Json.MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new HttpResponseException(400, "malformed JSON body: " + e.getOriginalMessage());
            }
        }
        String clientId = ctx.header(REQUEST_ID);
        if (clientId != null && !REQUEST_ID_FORMAT.matcher(clientId).matches()) {
            throw new HttpResponseException(400, REQUEST_ID + " must be 1-128 characters of letters, digits and . _ : -");
        }
        Map<String, String> query = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty()) {
                query.put(k, v.get(0));
            }
        });
        Map<String, String> headers = new HashMap<>();
        ctx.headerMap().forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            if (name.equals("content-type") || name.startsWith("x-")) {
                headers.put(name, v);
            }
        });
        LogEntry entry = new LogEntry(clientId != null ? clientId : UUID.randomUUID().toString(), route.type(),
                HttpMethod.valueOf(ctx.method().name()), route.path(), ctx.path(), ctx.pathParamMap(), query, headers,
                body, System.currentTimeMillis(), 0);
        int encoded = PendingRequest.encodedSize(entry);
        if (encoded > LeaderPipeline.MAX_ENTRY_BYTES) {
            throw new HttpResponseException(413, "the request is " + encoded + " bytes once encoded in the log (JSON "
                    + "escapes quotes, backslashes and control characters); this service logs at most "
                    + LeaderPipeline.MAX_ENTRY_BYTES + " bytes per request. Nothing was recorded; send a smaller body");
        }
        if (route.type() == RouteType.EXTERNAL_TXN && route.handler() != null) {
            route.handler().handle(new EntryContext(entry, 0, r.config().stateDir(), false)); // validation only
        }
        StoredResponse res;
        try {
            res = r.submit(entry, clientId != null).get(r.config().requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (NotLeaderException e) {
            notLeader(ctx);
            return;
        } catch (TimeoutException e) {
            throw new HttpResponseException(503, "the request was not recorded within " + r.config().requestTimeout().toSeconds()
                    + " s; it may have been applied. Retry with the same " + REQUEST_ID + " to get its outcome exactly once"
                    + (clientId == null ? " (this request had none: send one, or a retry cannot be recognised)" : ""));
        }
        ctx.header(REQUEST_ID, entry.requestId());
        if (res.status() == 503) {
            ctx.header("Retry-After", "1");
        }
        ctx.status(res.status()).contentType(res.contentType()).result(res.body());
    }

    private void notLeader(Context ctx) {
        Optional<LeaderValue> leader = r.answeringLeader();
        if (leader.isPresent()) {
            String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
            String location = leader.get().url() + ctx.path() + query;
            ctx.header("Location", location);
            writeJson(ctx, 307, Map.of("error", "this replica is not the leader; the leader is " + leader.get().id(),
                    "leader", leader.get().id(), "leaderUrl", leader.get().url(), "status", 307));
        } else {
            ctx.header("Retry-After", "1");
            writeError(ctx, 503, r.knownLeader().filter(l -> !l.id().equals(r.id()))
                    .map(l -> "the leader " + l.id() + " does not answer; a new leader is being chosen (this replica is "
                            + r.role() + "); retry in a moment")
                    .orElse("no leader is serving right now (this replica is " + r.role() + "); retry in a moment"));
        }
    }

    private static void writeError(Context ctx, int status, String message) {
        writeJson(ctx, status, Map.of("error", message, "status", status));
    }

    private static void writeJson(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    @Override
    public void close() {
        app.stop();
    }
}
