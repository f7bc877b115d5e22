package dev.br2k.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class OciRegistryIT {

    @RegisterExtension
    static final OciRegistry registry = OciRegistry.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answers_the_registry_api_version_check() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(registry.url().resolve("/v2/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Docker-Distribution-Api-Version")).contains("registry/2.0");
    }

    @Test
    void stores_a_blob_and_serves_it_back_by_digest() throws Exception {
        byte[] blob = "a layer's bytes".getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob));

        HttpResponse<Void> upload = http.send(HttpRequest.newBuilder(registry.url().resolve("/v2/br2k/test/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(upload.statusCode()).isEqualTo(202);
        String location = upload.headers().firstValue("Location").orElseThrow();
        URI put = registry.url().resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + digest);
        HttpResponse<Void> stored = http.send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofByteArray(blob))
                .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(stored.statusCode()).isEqualTo(201);

        HttpResponse<byte[]> fetched = http.send(HttpRequest.newBuilder(registry.url().resolve("/v2/br2k/test/blobs/" + digest))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(blob);
        assertThat(registry.storageDir()).isNotEmptyDirectory();
    }
}
