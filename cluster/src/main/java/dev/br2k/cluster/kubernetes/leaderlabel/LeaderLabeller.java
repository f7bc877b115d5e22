package dev.br2k.cluster.kubernetes.leaderlabel;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The sidecar that labels its pod {@code br2k.dev/role=leader} while the replica beside it is the leader,
 * and {@code follower} otherwise (also when the replica does not answer), so that the client Service,
 * which selects the label, reaches the leader (Patroni's pattern). It reads the replica's
 * {@code /br2k/status} on the pod's loopback and patches its own pod through the API server with the
 * pod's ServiceAccount token (a Role allows get/patch on pods). Only JDK classes: it runs from the
 * cluster jar alone, which {@code br2k build} puts in every image at {@link #JAR_IN_IMAGE}.
 *
 * <p>The label only routes: two pods labelled leader for a moment (a partitioned ex-leader whose sidecar
 * cannot reach the API server) make the Service send some requests to a follower, which redirects (307)
 * or refuses them; the runtime's guarded etcd writes keep the log correct.
 */
public final class LeaderLabeller {
    public static final String LABEL = "br2k.dev/role";
    public static final String JAR_IN_IMAGE = "/opt/br2k/br2k-cluster.jar";
    static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
    /** The one field read from the replica's status body ({@code StatusView.role} in core-replication). */
    private static final Pattern ROLE = Pattern.compile("\"role\"\\s*:\\s*\"([A-Z_]+)\"");

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

    /** Reads the replica's role and patches the pod's label if it changed; returns the label value now wanted. */
    public String once() throws IOException, InterruptedException {
        String wanted = "LEADER".equals(role().orElse("")) ? "leader" : "follower";
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
        return wanted;
    }

    private Optional<String> role() throws InterruptedException {
        try {
            HttpResponse<String> r = local.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ROLE.matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
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
