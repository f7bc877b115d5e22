package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.status.ReplicaStatusParser;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads {@code /br2k/status} through the API server's pod proxy
 * ({@code /api/v1/namespaces/<ns>/pods/<pod>:<port>/proxy/br2k/status}), so it works from outside the
 * cluster with the deployer's credentials and no extra network access.
 */
public final class ApiServerProxyStatus implements ReplicaStatusSource {

    private final KubernetesClient client;

    public ApiServerProxyStatus(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<ReplicaStatus> read(String namespace, String pod, int port) {
        String base = client.getMasterUrl().toString();
        String url = (base.endsWith("/") ? base : base + "/") + "api/v1/namespaces/" + namespace + "/pods/" + pod + ":"
                + port + "/proxy/br2k/status";
        try {
            HttpClient http = client.getHttpClient();
            HttpRequest request = http.newHttpRequestBuilder().uri(url).build();
            HttpResponse<String> response = http.sendAsync(request, String.class).get(3, TimeUnit.SECONDS);
            return response.code() == 200 ? ReplicaStatusParser.parse(response.body()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
