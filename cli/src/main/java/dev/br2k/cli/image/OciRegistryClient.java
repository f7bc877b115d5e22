package dev.br2k.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.cli.CliException;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.RegistryLogin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The OCI distribution API of one registry (Harbor, Debian's docker-registry, ...): catalog, tags,
 * manifests and blobs by digest, delete. Basic authentication with the login from {@code login-registry}.
 */
public final class OciRegistryClient {
    static final String MANIFEST_TYPES = "application/vnd.oci.image.manifest.v1+json,"
            + "application/vnd.docker.distribution.manifest.v2+json,application/vnd.oci.image.index.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String server;
    private final URI base;
    private final Optional<RegistryLogin> login;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public OciRegistryClient(String server, boolean insecure, Optional<RegistryLogin> login) {
        this.server = server;
        this.base = URI.create((insecure ? "http://" : "https://") + server);
        this.login = login;
    }

    /** A manifest as the registry stores it. */
    public record Manifest(String digest, String mediaType, byte[] bytes, JsonNode json) { }

    /** Checks that the registry answers and accepts the login. */
    public void ping() {
        HttpResponse<byte[]> r = send("GET", "/v2/", null);
        if (r.statusCode() == 401) {
            throw CliException.notConfigured("registry " + server + " refused the login (401): run 'br2k login-registry " + server + "'");
        }
        expect(r, 200, "check the registry API");
    }

    public List<String> repositories() {
        JsonNode n = json(expect(send("GET", "/v2/_catalog?n=1000", null), 200, "list repositories"));
        List<String> out = new ArrayList<>();
        n.path("repositories").forEach(r -> out.add(r.asText()));
        return out;
    }

    public List<String> tags(String repository) {
        HttpResponse<byte[]> r = send("GET", "/v2/" + repository + "/tags/list", null);
        if (r.statusCode() == 404) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        json(expect(r, 200, "list the tags of " + repository)).path("tags").forEach(t -> out.add(t.asText()));
        return out;
    }

    /** The manifest of {@code repository} at a tag or digest; empty when there is none. */
    public Optional<Manifest> manifest(String repository, String reference) {
        HttpResponse<byte[]> r = send("GET", "/v2/" + repository + "/manifests/" + reference, MANIFEST_TYPES);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        byte[] body = expect(r, 200, "read the manifest " + repository + "@" + reference);
        String digest = r.headers().firstValue("Docker-Content-Digest").orElse(ImageDigests.sha256(body));
        return Optional.of(new Manifest(digest, r.headers().firstValue("Content-Type").orElse(""), body, json(body)));
    }

    public byte[] blob(String repository, String digest) {
        return expect(send("GET", "/v2/" + repository + "/blobs/" + digest, null), 200, "read blob " + digest);
    }

    /** Deletes a manifest by digest (the registry must allow deletes). */
    public void delete(String repository, String digest) {
        HttpResponse<byte[]> r = send("DELETE", "/v2/" + repository + "/manifests/" + digest, null);
        if (r.statusCode() == 405) {
            throw CliException.failed("registry " + server + " does not allow deleting images (405): enable storage.delete", null);
        }
        expect(r, 202, "delete " + repository + "@" + digest);
    }

    private HttpResponse<byte[]> send(String method, String path, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            b.header("Accept", accept);
        }
        login.ifPresent(l -> b.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((l.username() + ":" + l.password()).getBytes(StandardCharsets.UTF_8))));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw CliException.unreachable("image registry " + server + " cannot be reached (" + e.getMessage()
                    + "): check the address with 'br2k list --registry'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.FAILED, "interrupted", e);
        }
    }

    private byte[] expect(HttpResponse<byte[]> r, int status, String what) {
        if (r.statusCode() == 401) {
            throw CliException.notConfigured("registry " + server + " wants a login to " + what
                    + ": run 'br2k login-registry " + server + "'");
        }
        if (r.statusCode() != status) {
            throw CliException.failed("registry " + server + " could not " + what + ": HTTP " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8).strip(), null);
        }
        return r.body();
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw CliException.failed("the registry answered something that is not JSON", e);
        }
    }
}
