package dev.br2k.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** A plain HTTP client for tests; never follows redirects by itself. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {
    }

    static HttpResponse<String> send(String method, URI url, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(URI url) {
        return send("GET", url, null);
    }

    /** A GET of an admin route ({@code /metrics}) with the test replicas' admin token. */
    static HttpResponse<String> getAdmin(URI url) {
        return send("GET", url, null, "Authorization", "Bearer " + KvReplicas.ADMIN_TOKEN);
    }

    /**
     * Sends a request the way a well-behaved client does: to the current leader ({@code leaderUrl} maps a
     * path to the leader's URL for it), with a request id, retrying on 503, redirects and connection errors
     * with the same id until it gets an answer.
     */
    static HttpResponse<String> sendToLeader(Function<String, URI> leaderUrl, String method, String path, String body,
                                             String... headers) {
        List<String> h = new ArrayList<>(List.of(headers));
        if (!h.contains("Br2k-Request-Id")) {
            h.add("Br2k-Request-Id");
            h.add(UUID.randomUUID().toString());
        }
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        org.awaitility.Awaitility.await("an answer to " + method + " " + path).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                    var res = send(method, leaderUrl.apply(path), body, h.toArray(String[]::new));
                    answer.set(res);
                    return res.statusCode() != 503 && res.statusCode() != 307;
                });
        return answer.get();
    }
}
