package dev.br2k.cluster.kubernetes.leaderlabel;

import dev.br2k.protocol.ProtocolException;
import dev.br2k.protocol.Role;
import dev.br2k.protocol.status.StatusCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The sidecar that labels its pod {@code br2k.dev/role=leader} while the replica beside it is the leader,
 * and {@code follower} otherwise (also when the replica does not answer), so that the client Service,
 * which selects the label, reaches the leader (Patroni's pattern). It reads the replica's
 * {@code /br2k/status} on the pod's loopback and patches its own pod through the API server with the
 * pod's ServiceAccount token (a Role allows get/patch on pods). It reads the status with the protocol
 * module's {@link StatusCodec}, as every other reader does, and otherwise uses only JDK classes: {@code br2k
 * build} puts this class, its nested classes and the protocol module's classes in every image.
 *
 * <p>The label only routes: two pods labelled leader for a moment (a partitioned ex-leader whose sidecar
 * cannot reach the API server) make the Service send some requests to a follower, which redirects (307)
 * or refuses them; the runtime's guarded etcd writes keep the log correct.
 */
public final class LeaderLabeller {
    public static final String LABEL = "br2k.dev/role";
    static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    private final HttpClient local = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final HttpClient api;
    private final URI status;
    private final URI pod;
    private final Supplier<String> token;
    private Optional<String> applied = Optional.empty();

    public LeaderLabeller(URI status, URI apiServer, String namespace, String podName, HttpClient api, Supplier<String> token) {
        this.status = status;
        this.pod = apiServer.resolve("/api/v1/namespaces/" + namespace + "/pods/" + podName);
        this.api = api;
        this.token = token;
    }

    /**
     * In a pod: POD_NAME, POD_NAMESPACE, BR2K_HTTP_PORT from the environment, the API server and token from the pod.
     * Never exits on its own: whatever fails (a missing variable or CA file, an API server that refuses or cannot be
     * reached) is logged and tried again after a back-off that doubles from 1 s to 60 s. A sidecar that exited would be
     * restarted by the kubelet into CrashLoopBackOff, and a crash-looping container makes recovery replace the pod.
     */
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        // naming the status reader loads it: an image without the protocol classes fails here, at once
        System.err.println("leader-label: starting; labels the pod " + LABEL + "=leader while its replica leads (status read with "
                + StatusCodec.class.getName() + ")");
        LeaderLabeller[] labeller = {null};
        run(() -> {
            if (labeller[0] == null) {
                labeller[0] = fromEnvironment(env);
            }
            labeller[0].once();
        }, Thread::sleep);
    }

    /** One round of the sidecar's loop. */
    interface Round {
        void run() throws Exception;
    }

    /** How the loop waits; tests pass their own. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    static final long PERIOD_MILLIS = 1000;
    static final long MAX_BACKOFF_MILLIS = 60_000;

    /** Runs {@code round} every second, backing off (doubling up to a minute) while it fails; returns only when interrupted. */
    static void run(Round round, Sleeper sleeper) {
        long backoff = PERIOD_MILLIS; // the wait after the next failure
        while (true) {
            long pause;
            try {
                round.run();
                pause = PERIOD_MILLIS;
                backoff = PERIOD_MILLIS;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                pause = backoff;
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                System.err.println("leader-label: " + e.getMessage() + " (trying again in " + pause / 1000 + " s)");
            }
            try {
                sleeper.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static LeaderLabeller fromEnvironment(Map<String, String> env) throws IOException, GeneralSecurityException {
        String port = required(env, "BR2K_HTTP_PORT");
        URI apiServer = URI.create("https://" + required(env, "KUBERNETES_SERVICE_HOST") + ":"
                + env.getOrDefault("KUBERNETES_SERVICE_PORT", "443"));
        HttpClient api = HttpClient.newBuilder().sslContext(trusting(SERVICE_ACCOUNT.resolve("ca.crt")))
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new LeaderLabeller(URI.create("http://127.0.0.1:" + port + "/br2k/status"), apiServer,
                required(env, "POD_NAMESPACE"), required(env, "POD_NAME"), api, () -> read(SERVICE_ACCOUNT.resolve("token")));
    }

    /**
     * Reads the replica's role and patches the pod's label if it changed; returns the label value now wanted. A status
     * it cannot read labels the pod follower (no client is sent to a replica in an unknown state), then fails the round.
     */
    public String once() throws IOException, InterruptedException {
        Optional<Role> role;
        IOException unreadable = null;
        try {
            role = role();
        } catch (IOException e) {
            role = Optional.empty();
            unreadable = e;
        }
        String wanted = role.filter(r -> r == Role.LEADER).isPresent() ? "leader" : "follower";
        if (!applied.equals(Optional.of(wanted))) {
            String body = "{\"metadata\":{\"labels\":{\"" + LABEL + "\":\"" + wanted + "\"}}}";
            HttpResponse<String> r = api.send(HttpRequest.newBuilder(pod).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token.get())
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IOException("the API server refused to label " + pod.getPath() + " (" + r.statusCode() + "): "
                        + r.body() + " — does the pod's ServiceAccount have the Role that allows patching pods?");
            }
            applied = Optional.of(wanted);
        }
        if (unreadable != null) {
            throw unreadable;
        }
        return wanted;
    }

    /**
     * The replica's role; empty when it does not answer. A body that is not a BR2K status (a field missing or
     * unknown: another version of the runtime?) is an error, not a guess: the round fails and says so.
     */
    private Optional<Role> role() throws IOException, InterruptedException {
        HttpResponse<String> r;
        try {
            r = local.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(StatusCodec.decode(r.body()).role());
        } catch (ProtocolException e) {
            throw new IOException("the replica's " + status + " is not a status this sidecar reads (" + e.getMessage()
                    + "): the pod's image and its sidecar should come from the same br2k build", e);
        }
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set: the leader-label sidecar runs in a BR2K pod, which sets it");
        }
        return v;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the ServiceAccount token " + file + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext trusting(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
