package dev.br2k.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The mock Kubernetes API server runs in its own JVM, stores what it is sent and hands out a kubeconfig for itself. */
class KubernetesApiIT {

    @RegisterExtension
    static final KubernetesApi kube = KubernetesApi.builder().namespace("br2k").build();

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_object_created_through_the_api_is_read_back_and_the_kubeconfig_points_at_the_server() throws Exception {
        String configMap = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"kv-context\"},\"data\":{\"replicas\":\"3\"}}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(kube.url().resolve("/api/v1/namespaces/br2k/configmaps"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(configMap)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(kube.url().resolve("/api/v1/namespaces/br2k/configmaps/kv-context"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"replicas\":\"3\"").contains("\"namespace\":\"br2k\"");
        assertThat(Files.readString(kube.kubeconfig())).contains("server: " + kube.url()).contains("namespace: br2k")
                .contains("current-context: mock");
    }

    @Test
    void the_servers_jvm_is_another_process_and_its_vertx_is_not_on_this_class_path() {
        assertThat(kube.process().pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(getClass().getClassLoader().getResource("io/vertx/core/Vertx.class")).isNull();
    }
}
