package dev.br2k.cluster.kubernetes.leaderlabel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.br2k.protocol.Role;
import dev.br2k.protocol.status.ReplicaStatusRecord;
import dev.br2k.protocol.status.StatusCodec;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sidecar against the Kubernetes API (fabric8's mock server, CRUD) and an HTTP endpoint standing in for
 * the replica's {@code /br2k/status} (its body as core-replication's StatusView writes it).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderLabellerTest {
    static KubernetesClient client;
    static KubernetesMockServer server;

    HttpServer replica;
    final AtomicReference<String> role = new AtomicReference<>("FOLLOWER");
    /** When set, the replica answers this body instead of its full status. */
    final AtomicReference<String> rawBody = new AtomicReference<>();
    LeaderLabeller labeller;

    @BeforeEach
    void setUp() throws IOException {
        client.pods().inNamespace("br2k").resource(new PodBuilder().withNewMetadata().withName("infodid-1")
                .addToLabels("app.kubernetes.io/instance", "infodid").endMetadata().build()).create();
        replica = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        replica.createContext("/br2k/status", exchange -> {
            String text = rawBody.get() != null ? rawBody.get()
                    : StatusCodec.encode(new ReplicaStatusRecord("infodid", "infodid-1", Role.valueOf(role.get()), 3, 3, 3, 1, 1,
                            Optional.empty(), Optional.empty(), "http://infodid-1:8080", Optional.empty(), Optional.empty()));
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        replica.start();
        labeller = new LeaderLabeller(URI.create("http://127.0.0.1:" + replica.getAddress().getPort() + "/br2k/status"),
                URI.create(server.url("/")), "br2k", "infodid-1", HttpClient.newHttpClient(), () -> "token");
    }

    @AfterEach
    void tearDown() {
        replica.stop(0);
        client.pods().inNamespace("br2k").delete();
    }

    String label() {
        return client.pods().inNamespace("br2k").withName("infodid-1").get().getMetadata().getLabels().get(LeaderLabeller.LABEL);
    }

    @Test
    void the_pod_is_labelled_leader_while_its_replica_leads_and_follower_after() throws Exception {
        assertThat(labeller.once()).isEqualTo("follower");
        assertThat(label()).isEqualTo("follower");

        role.set("LEADER");
        labeller.once();
        assertThat(label()).isEqualTo("leader");
        assertThat(client.pods().inNamespace("br2k").withName("infodid-1").get().getMetadata().getLabels())
                .as("the pod's other labels stay").containsEntry("app.kubernetes.io/instance", "infodid");

        role.set("FOLLOWER");
        labeller.once();
        assertThat(label()).isEqualTo("follower");
    }

    @Test
    void a_status_that_is_not_a_br2k_status_labels_the_pod_follower_and_the_round_says_why() throws Exception {
        role.set("LEADER");
        labeller.once();
        rawBody.set("{\"role\":\"LEADER\",\"lpi\":3}"); // a role, but not the status this version writes

        assertThatThrownBy(labeller::once).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a status this sidecar reads").hasMessageContaining("same br2k build");
        assertThat(label()).isEqualTo("follower");
    }

    @Test
    void a_replica_that_does_not_answer_is_not_the_leader() throws Exception {
        role.set("LEADER");
        labeller.once();
        replica.stop(0);

        assertThat(labeller.once()).isEqualTo("follower");
        assertThat(label()).isEqualTo("follower");
    }

    @Test
    void the_sidecar_process_never_exits_on_errors_and_waits_longer_after_each_failure() throws Exception {
        // No KUBERNETES_SERVICE_HOST and no ServiceAccount files here: every round fails, as on a cluster whose API
        // server refuses. An exit would put the container into CrashLoopBackOff, and recovery would replace the pod.
        java.nio.file.Path log = java.nio.file.Files.createTempFile("leader-label", ".log");
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), LeaderLabeller.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("KUBERNETES_SERVICE_HOST");
        pb.environment().put("BR2K_HTTP_PORT", "8080");
        Process sidecar = pb.start();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .failFast("the sidecar exited", () -> !sidecar.isAlive())
                    .until(() -> java.nio.file.Files.readString(log).contains("trying again in 2 s"));

            assertThat(sidecar.isAlive()).as("the sidecar after two failed rounds:%n%s", java.nio.file.Files.readString(log)).isTrue();
            assertThat(java.nio.file.Files.readString(log)).contains("KUBERNETES_SERVICE_HOST is not set", "trying again in 1 s");
        } finally {
            sidecar.destroyForcibly().waitFor();
            java.nio.file.Files.deleteIfExists(log);
        }
    }
}
