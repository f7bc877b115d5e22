package dev.br2k.cluster.status;

import dev.br2k.cluster.ReplicaStatus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Reads {@code /br2k/status} from a replica over plain HTTP; a replica that does not answer quickly has no status. */
public final class ReplicaStatusClient {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Duration timeout;

    public ReplicaStatusClient(Duration timeout) {
        this.timeout = timeout;
    }

    /** The status of the replica whose base URL is {@code baseUrl} (e.g. {@code http://127.0.0.1:8081}). */
    public Optional<ReplicaStatus> read(URI baseUrl) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(baseUrl.resolve("/br2k/status"))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? ReplicaStatusParser.parse(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
