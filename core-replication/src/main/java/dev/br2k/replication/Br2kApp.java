package dev.br2k.replication;

import dev.br2k.protocol.Role;
import dev.br2k.replication.internal.Replica;
import dev.br2k.replication.internal.Route;
import dev.br2k.replication.internal.http.HttpFrontend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A BR2K replica of a service: register routes, then {@link #start()}.
 *
 * <pre>{@code
 * var app = Br2kApp.create(config -> config.serviceName("kv").replicaId("r1")
 *         .etcdEndpoints("http://127.0.0.1:2379").stateDir(Path.of("state/r1")));
 * app.replicate(HttpMethod.PUT, "/kv/{key}", ctx -> store.put(ctx.pathParam("key"), ctx.body()));
 * app.onlyOnce(HttpMethod.GET, "/kv/{key}", ctx -> ctx.result(store.get(ctx.pathParam("key"))));
 * app.start();
 * }</pre>
 *
 * <p>Clients may send a {@code Br2k-Request-Id} header: a retried request with the same id gets the
 * recorded response and is not applied again. A follower answers 307 with the leader's URL.
 */
public final class Br2kApp implements AutoCloseable {
    private final Br2kConfig config;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private Replica replica;
    private HttpFrontend http;

    private Br2kApp(Br2kConfig config) {
        this.config = config;
    }

    /** Creates an app; {@code configurer} fills in the {@link Br2kConfig}. */
    public static Br2kApp create(Consumer<Br2kConfig> configurer) {
        Br2kConfig config = new Br2kConfig();
        configurer.accept(config);
        return new Br2kApp(config);
    }

    /** A route that changes local state: logged, then run by the leader and by every follower. */
    public Br2kApp replicate(HttpMethod method, String path, Handler handler) {
        return addHandler(RouteType.REPLICATE, method, path, Objects.requireNonNull(handler, "handler"));
    }

    /** A route that reads or touches external state: logged, run once, on the leader. */
    public Br2kApp onlyOnce(HttpMethod method, String path, Handler handler) {
        return addHandler(RouteType.ONLY_ONCE, method, path, Objects.requireNonNull(handler, "handler"));
    }

    /** A route that logs a client's chain transaction: replicated, processed by no one. */
    public Br2kApp externalTxn(HttpMethod method, String path) {
        return addHandler(RouteType.EXTERNAL_TXN, method, path, null);
    }

    /**
     * Like {@link #externalTxn(HttpMethod, String)}, with a validator that runs on the leader before the
     * entry is logged; it must not change state, and a thrown {@link HttpResponseException} refuses the
     * request without logging it.
     */
    public Br2kApp externalTxn(HttpMethod method, String path, Handler validator) {
        return addHandler(RouteType.EXTERNAL_TXN, method, path, Objects.requireNonNull(validator, "validator"));
    }

    /** Registers a route; every verb method above is a one-liner into this. */
    public synchronized Br2kApp addHandler(RouteType type, HttpMethod method, String path, Handler handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (replica != null) {
            throw new IllegalStateException("register routes before start()");
        }
        if (!path.startsWith("/") || path.startsWith("/br2k/") || path.equals("/metrics")) {
            throw new IllegalArgumentException("path must start with '/' and not be /metrics or under /br2k/, was '" + path + "'");
        }
        Route route = new Route(type, method, path, handler);
        if (routes.putIfAbsent(route.key(), route) != null) {
            throw new IllegalArgumentException("route " + route.key() + " is registered twice");
        }
        return this;
    }

    /**
     * Starts the HTTP server and the role loop. The replica starts as Follower (or Learner when its local
     * state is missing) and becomes leader when its etcd member is the Raft leader.
     *
     * @throws IllegalStateException if a required setting is missing
     */
    public synchronized Br2kApp start() {
        if (replica != null) {
            throw new IllegalStateException("already started");
        }
        config.validate();
        try {
            Files.createDirectories(config.stateDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state directory " + config.stateDir(), e);
        }
        replica = new Replica(config, routes);
        List<Route> list = new ArrayList<>(routes.values());
        http = new HttpFrontend(replica, list).start(config.httpHost(), config.httpPort());
        URI url = config.advertiseUrl().orElse(URI.create("http://" + config.httpHost() + ":" + http.port()));
        replica.start(url);
        return this;
    }

    /** The HTTP port (useful with port 0). */
    public int port() {
        requireStarted();
        return http.port();
    }

    /** The URL followers redirect to when this replica leads. */
    public URI url() {
        requireStarted();
        return replica.url();
    }

    public Role role() {
        requireStarted();
        return replica.role();
    }

    public Br2kConfig config() {
        return config;
    }

    private void requireStarted() {
        if (replica == null) {
            throw new IllegalStateException("not started");
        }
    }

    /** Stops serving and leaves the leader role if it had it; the local state stays. */
    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
        }
        if (replica != null) {
            replica.close();
        }
    }
}
