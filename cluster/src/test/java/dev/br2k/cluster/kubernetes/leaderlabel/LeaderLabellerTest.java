package dev.br2k.cluster.kubernetes.leaderlabel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
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
    LeaderLabeller labeller;

    @BeforeEach
    void setUp() throws IOException {
        client.pods().inNamespace("br2k").resource(new PodBuilder().withNewMetadata().withName("infodid-1")
                .addToLabels("app.kubernetes.io/instance", "infodid").endMetadata().build()).create();
        replica = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        replica.createContext("/br2k/status", exchange -> {
            byte[] body = ("{\"service\":\"infodid\",\"id\":\"infodid-1\",\"role\":\"" + role.get() + "\",\"lpi\":3}")
                    .getBytes(StandardCharsets.UTF_8);
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
    void a_replica_that_does_not_answer_is_not_the_leader() throws Exception {
        role.set("LEADER");
        labeller.once();
        replica.stop(0);

        assertThat(labeller.once()).isEqualTo("follower");
        assertThat(label()).isEqualTo("follower");
    }
}
