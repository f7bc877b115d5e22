package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.ProgressEvent;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.testkit.EtcdCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Add and reduce against a real 3-member etcd (testkit) and the fabric8 mock API server: the etcd
 * membership changes before the StatefulSet is scaled, in both directions.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesMembershipIT {

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    static KubernetesClient client;

    DeploymentContext ctx;
    EtcdGateway gateway;
    KubernetesCluster cluster;

    @BeforeEach
    void deploy() throws Exception {
        ctx = DeploymentContextParser.parse(Path.of(getClass().getResource("/contexts/lab.yaml").toURI()));
        gateway = EtcdGateway.of(etcd.clientUrls());
        cluster = KubernetesCluster.builder().client(client).context(ctx).etcd(gateway)
                .statusSource((ns, pod, port) -> Optional.empty()).joinTimeout(Duration.ZERO).build();
        client.apps().statefulSets().inNamespace("br2k").delete();
        client.configMaps().inNamespace("br2k").delete();
        client.nodes().delete();
        for (int i = 0; i < 5; i++) {
            client.nodes().resource(new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata().withName("node-" + i)
                    .withLabels(ctx.nodeLabels()).endMetadata()
                    .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create();
        }
        cluster.deploy(3, ProgressListener.NONE);
    }

    /** Records, when each scale step starts, how many members etcd has and how many replicas the StatefulSet has. */
    final class Observer implements ProgressListener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onProgress(ProgressEvent e) {
            if (e.status() == ProgressEvent.Status.STARTED && e.step().startsWith("scale StatefulSet")) {
                int replicas = client.apps().statefulSets().inNamespace("br2k").withName("infodid").get().getSpec().getReplicas();
                seen.add(e.step() + ": etcd has " + gateway.members().size() + " members, StatefulSet has " + replicas);
            }
        }
    }

    @Test
    void add_puts_the_etcd_member_in_before_the_pod_and_reduce_takes_it_out_before_the_pod_goes() {
        Observer added = new Observer();
        cluster.add(1, added);

        assertThat(added.seen).containsExactly("scale StatefulSet to 4: etcd has 4 members, StatefulSet has 3");
        List<MemberInfo> members = gateway.members();
        assertThat(members).hasSize(4);
        assertThat(members).filteredOn(m -> !m.started()).singleElement()
                .satisfies(m -> assertThat(m.peerUrls()).containsExactly(KubernetesNames.peerUrl(ctx, 3)));
        Map<String, String> config = client.configMaps().inNamespace("br2k").withName("infodid-etcd").get().getData();
        assertThat(config.get("initial-cluster")).contains("infodid-3=" + KubernetesNames.peerUrl(ctx, 3));
        assertThat(config.get("initial-cluster").split(",")).hasSize(4);

        Observer reduced = new Observer();
        cluster.reduce(1, reduced);

        assertThat(reduced.seen).containsExactly("scale StatefulSet to 3: etcd has 3 members, StatefulSet has 4");
        assertThat(gateway.members()).hasSize(3).allMatch(MemberInfo::started);
        assertThat(client.apps().statefulSets().inNamespace("br2k").withName("infodid").get().getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void recovery_removes_a_member_left_by_an_add_that_never_scaled() {
        gateway.addMember(KubernetesNames.peerUrl(ctx, 3)); // an add that crashed after the member add
        assertThat(gateway.members()).hasSize(4);

        var result = cluster.recover(RecoverySource.NONE, ProgressListener.NONE);

        assertThat(result.changes()).contains("remove stray etcd members");
        assertThat(gateway.members()).hasSize(3).allMatch(MemberInfo::started);
        assertThat(cluster.recover(RecoverySource.NONE, ProgressListener.NONE).unchanged()).isTrue();
    }

    @Test
    void an_added_pod_that_never_starts_stays_a_learner_and_is_removed_with_its_replica_after_the_join_timeout() {
        KubernetesCluster waiting = KubernetesCluster.builder().client(client).context(ctx).etcd(gateway)
                .statusSource((ns, pod, port) -> Optional.empty()).joinTimeout(Duration.ofSeconds(2)).build();
        List<String> learners = new CopyOnWriteArrayList<>();
        ProgressListener watchWait = e -> {
            if (e.status() == ProgressEvent.Status.STARTED && e.step().startsWith("wait for etcd learner")) {
                learners.addAll(learnerPeerUrls());
            }
        };

        assertThatThrownBy(() -> waiting.add(1, watchWait)).hasMessageContaining("scaled back to 3 replicas");

        assertThat(learners).as("the new member while its pod was awaited").containsExactly(KubernetesNames.peerUrl(ctx, 3));
        assertThat(gateway.members()).hasSize(3).allMatch(MemberInfo::started);
        assertThat(client.apps().statefulSets().inNamespace("br2k").withName("infodid").get().getSpec().getReplicas()).isEqualTo(3);
    }

    /** Peer URLs of the members etcd lists as learners (the gateway's member list has no such field). */
    private List<String> learnerPeerUrls() {
        try {
            var reply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            etcd.clientUrls().get(0).resolve("/v3/cluster/member/list"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            List<String> out = new java.util.ArrayList<>();
            for (var m : new com.fasterxml.jackson.databind.ObjectMapper().readTree(reply.body()).path("members")) {
                if (m.path("isLearner").asBoolean(false)) {
                    m.path("peerURLs").forEach(u -> out.add(u.asText()));
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
