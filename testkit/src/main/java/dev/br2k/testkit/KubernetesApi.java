package dev.br2k.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes API server for tests: fabric8's mock server in CRUD mode (objects are stored, listed,
 * patched and deleted; no controller runs, so a StatefulSet makes no pods), run as a program of its own
 * ({@code testkit-kube-api}) in its own JVM on a free loopback port, plain HTTP. Its Vert.x 5 stays off
 * the test's class path (jetcd and the Watch use Vert.x 4). {@link #kubeconfig()} is a kubeconfig whose
 * context {@code mock} points at it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KubernetesApi kube = KubernetesApi.builder().namespace("br2k").build();
 * Config config = Config.fromKubeconfig("mock", kube.kubeconfig().toFile());
 * }</pre>
 *
 * <p>The program is built by Maven's reactor before testkit ({@code mvn -pl testkit-kube-api package});
 * when its classes or class path file are missing, starting fails with that command.
 */
public final class KubernetesApi extends ProcessComponent {
    static final String MAIN = "dev.br2k.testkit.kubeapi.KubeApiServer";
    static final String MODULE = "testkit-kube-api";
    /** The mock server's JVM takes 2 s on an idle machine and 30 s or more under a load of 20 on 2 cores. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String namespace;

    private KubernetesApi(String namespace) {
        super("kube-api", KubernetesApi::java);
        this.namespace = namespace;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the server and waits until it answers a list of ConfigMaps. */
    public KubernetesApi start() {
        startOnce();
        return this;
    }

    /** The API server's URL, e.g. {@code http://127.0.0.1:31000}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** A kubeconfig (context and current context {@code mock}, namespace as built) for this server. */
    public Path kubeconfig() {
        return dir().resolve("kubeconfig");
    }

    /** The namespace of the kubeconfig's context. */
    public String namespace() {
        return namespace;
    }

    @Override
    void launch() {
        String classpath = programClasspath();
        run(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath, MAIN,
                        Integer.toString(port()), kubeconfig().toString(), namespace),
                "kube-api.log", "the Kubernetes API server to answer on " + url(), START_TIMEOUT,
                () -> Files.exists(kubeconfig()) ? Optional.of(listConfigMaps()).filter(code -> code == 200) : Optional.empty());
    }

    private int listConfigMaps() {
        HttpRequest request = HttpRequest.newBuilder(url().resolve("/api/v1/namespaces/" + namespace + "/configmaps"))
                .timeout(Duration.ofSeconds(2)).build();
        return send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Path java() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new MissingBinaryException(java.toString(), "The JDK running the tests has no bin/java.");
        }
        return java;
    }

    /** {@code testkit-kube-api/target/classes} and the class path Maven wrote next to it. */
    static String programClasspath() {
        Path target = Tools.projectRoot().resolve(MODULE).resolve("target");
        Path classes = target.resolve("classes");
        Path file = target.resolve("classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(file)) {
            throw new MissingBinaryException(classes.toString(), "Build the mock Kubernetes API server program: mvn -pl "
                    + MODULE + " package (a reactor build of testkit builds it first).");
        }
        try {
            return classes + java.io.File.pathSeparator + Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Options for a {@link KubernetesApi}. */
    public static final class Builder {
        private String namespace = "default";

        private Builder() {
        }

        /** The kubeconfig context's namespace (default {@code default}). */
        public Builder namespace(String namespace) {
            if (namespace == null || !namespace.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
                throw new IllegalArgumentException("namespace must be a DNS-1123 label, was " + namespace);
            }
            this.namespace = namespace;
            return this;
        }

        public KubernetesApi build() {
            return new KubernetesApi(namespace);
        }
    }
}
