package dev.br2k.watch.replication;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.ServiceState;
import dev.br2k.cluster.kubernetes.KubernetesCluster;
import dev.br2k.cluster.local.LocalCluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the leader's {@code GET /metrics} (with the service's admin token, {@code Authorization: Bearer})
 * at most once every {@link #PERIOD} and turns two reads in a row into a {@link TrafficSample}. Runs on a
 * background thread; not thread-safe.
 */
public final class LeaderTraffic {

    public static final Duration PERIOD = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Supplier<Optional<String>> token;
    private Optional<String> knownToken = Optional.empty();
    private Optional<MetricsScrape> last = Optional.empty();
    private String problem = "";

    /** {@code token} gives the replicas' admin token, empty when the Watch cannot know it; asked until it gives one. */
    public LeaderTraffic(Supplier<Optional<String>> token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The admin token of a cluster the Watch deployed or reads: a local one's token file, a Kubernetes Secret. */
    public static LeaderTraffic of(Br2kCluster cluster) {
        return new LeaderTraffic(() -> {
            if (cluster instanceof LocalCluster local) {
                return Optional.of(local.adminToken());
            }
            if (cluster instanceof KubernetesCluster kube) {
                return Optional.of(kube.adminToken());
            }
            return Optional.empty();
        });
    }

    /**
     * Reads the metrics of the leader in {@code state} if the last read is {@link #PERIOD} old; the traffic
     * since the read before, when both came from the same leader.
     */
    public Optional<TrafficSample> sample(ServiceState state) {
        Instant now = Instant.now();
        if (last.isPresent() && Duration.between(last.get().at(), now).compareTo(PERIOD.minusMillis(50)) < 0) {
            return Optional.empty();
        }
        Optional<String> url = state.leader().flatMap(ReplicaState::status).flatMap(ReplicaStatus::leaderUrl);
        if (url.isEmpty()) {
            last = Optional.empty();
            return Optional.empty();
        }
        Optional<MetricsScrape> read = read(URI.create(url.get()), now);
        Optional<TrafficSample> traffic = last.flatMap(before -> read.flatMap(after -> TrafficSample.between(before, after)));
        last = read;
        return traffic;
    }

    /** Why no traffic is shown, empty while the metrics are read. */
    public String problem() {
        return problem;
    }

    private Optional<MetricsScrape> read(URI leader, Instant at) {
        try {
            if (knownToken.isEmpty()) {
                knownToken = token.get();
            }
            if (knownToken.isEmpty()) {
                problem = "Requests/s and latency need the service's admin token, which this cluster does not give the Watch.";
                return Optional.empty();
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(leader.resolve("/metrics"))
                    .header("Authorization", "Bearer " + knownToken.get())
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                knownToken = Optional.empty(); // rotated: read it again next time
                problem = "The leader refused the admin token for /metrics (HTTP " + r.statusCode() + ").";
                return Optional.empty();
            }
            if (r.statusCode() != 200) {
                problem = "The leader answered /metrics with HTTP " + r.statusCode() + ".";
                return Optional.empty();
            }
            problem = "";
            return Optional.of(MetricsScrape.parse(r.body(), at, leader.toString()));
        } catch (IOException | RuntimeException e) {
            problem = "The leader's /metrics could not be read: " + e.getMessage();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
