package dev.br2k.testkit;

import dev.br2k.testkit.internal.ComponentExtension;
import dev.br2k.testkit.internal.FreePorts;
import dev.br2k.testkit.internal.ManagedProcess;
import dev.br2k.testkit.internal.Poll;
import dev.br2k.testkit.internal.ProcessReaper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real OCI registry (Debian's docker-registry, the CNCF distribution registry) on a free loopback
 * port, with its storage in a temporary directory. It speaks the same registry API as Harbor.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OciRegistry registry = OciRegistry.builder().build();
 * // push to registry.hostPort() + "/br2k/infodid:1.0"
 * }</pre>
 */
public final class OciRegistry extends ComponentExtension {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Path dir;
    private int port;
    private volatile ManagedProcess process;

    private OciRegistry() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the registry and waits until {@code GET /v2/} answers 200. */
    public synchronized OciRegistry start() {
        if (process != null) {
            return this;
        }
        Tools.dockerRegistry();
        dir = ProcessReaper.get().newDirectory("oci-registry");
        port = FreePorts.next();
        Path config = dir.resolve("config.yml");
        try {
            Files.createDirectories(storageDir());
            Files.writeString(config, String.join("\n",
                    "version: 0.1",
                    "log:",
                    "  level: warn",
                    "storage:",
                    "  filesystem:",
                    "    rootdirectory: " + storageDir(),
                    "  delete:",
                    "    enabled: true",
                    "http:",
                    "  addr: 127.0.0.1:" + port,
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the registry's config in " + dir, e);
        }
        process = ManagedProcess.start("docker-registry",
                List.of(Tools.dockerRegistry().toString(), "serve", config.toString()),
                dir, dir.resolve("registry.log"), Map.of());
        Poll.until(Duration.ofSeconds(30), "the OCI registry to answer GET /v2/ on " + url(), () -> {
            if (!process.isAlive()) {
                throw new TestkitException("docker-registry exited:\n" + process.tail(20));
            }
            return Optional.of(apiVersionCheck()).filter(code -> code == 200);
        });
        return this;
    }

    /** The registry's base URL, e.g. {@code http://127.0.0.1:25000}. */
    public URI url() {
        return URI.create("http://" + hostPort());
    }

    /** {@code 127.0.0.1:PORT}, the form image references use. */
    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** Where the registry keeps blobs and manifests. */
    public Path storageDir() {
        return dir.resolve("storage");
    }

    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.kill();
        process = null;
        ProcessReaper.deleteTree(dir);
    }

    @Override
    protected void startComponent() {
        start();
    }

    @Override
    protected boolean isStarted() {
        return process != null;
    }

    @Override
    protected String diagnostics() {
        return process == null ? "" : process.tail(20);
    }

    private int apiVersionCheck() {
        try {
            HttpRequest request = HttpRequest.newBuilder(url().resolve("/v2/")).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new TestkitException("The OCI registry did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("Interrupted while waiting for the OCI registry", e);
        }
    }

    /** Options for an {@link OciRegistry} (none yet beyond the defaults). */
    public static final class Builder {
        private Builder() {
        }

        public OciRegistry build() {
            return new OciRegistry();
        }
    }
}
