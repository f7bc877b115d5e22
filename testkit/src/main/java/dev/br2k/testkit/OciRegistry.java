package dev.br2k.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
public final class OciRegistry extends ProcessComponent {

    private OciRegistry() {
        super("docker-registry", Tools::dockerRegistry);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the registry and waits until {@code GET /v2/} answers 200. */
    public OciRegistry start() {
        startOnce();
        return this;
    }

    /** The registry's base URL, e.g. {@code http://127.0.0.1:25000}. */
    public URI url() {
        return URI.create("http://" + hostPort());
    }

    /** {@code 127.0.0.1:PORT}, the form image references use. */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    /** Where the registry keeps blobs and manifests. */
    public Path storageDir() {
        return dir().resolve("storage");
    }

    @Override
    void launch() {
        Path config = dir().resolve("config.yml");
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
                    "  addr: 127.0.0.1:" + port(),
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the registry's config in " + dir(), e);
        }
        run(List.of("serve", config.toString()), "registry.log", "the OCI registry to answer GET /v2/ on " + url(),
                () -> Optional.of(apiVersionCheck()).filter(code -> code == 200));
    }

    private int apiVersionCheck() {
        HttpRequest request = HttpRequest.newBuilder(url().resolve("/v2/")).timeout(Duration.ofSeconds(2)).build();
        return send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
