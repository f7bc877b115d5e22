package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.context.CanonicalContext;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.context.StoredContext;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deployment context kept in the namespace (ConfigMap {@code <svc>-context}) and a cluster opened from it. */
@EnableKubernetesMockClient(crud = true)
class ContextStoreTest {

    static KubernetesClient client;

    Path labFile;
    DeploymentContext ctx;
    FakeEtcd etcd;

    @BeforeEach
    void setUp() throws Exception {
        labFile = Path.of(getClass().getResource("/contexts/lab.yaml").toURI());
        ctx = DeploymentContextParser.parse(labFile);
        etcd = new FakeEtcd();
        for (int i = 0; i < 3; i++) {
            etcd.started("infodid-" + i, KubernetesNames.peerUrl(ctx, i));
        }
        TestNodes.labelled(client, 5); // ADD counts the schedulable labelled nodes first
    }

    @AfterEach
    void cleanUp() {
        client.apps().statefulSets().inNamespace("br2k").delete();
        client.configMaps().inNamespace("br2k").delete();
        client.secrets().inNamespace("br2k").delete();
        client.persistentVolumeClaims().inNamespace("br2k").delete();
        client.nodes().delete();
    }

    KubernetesCluster.Builder builder() {
        return KubernetesCluster.builder().client(client).etcd(etcd).statusSource((ns, pod, port) -> Optional.empty())
                .joinTimeout(Duration.ZERO);
    }

    StatefulSet sts() {
        return client.apps().statefulSets().inNamespace("br2k").withName("infodid").get();
    }

    Secret secret(String name) {
        return client.secrets().inNamespace("br2k").withName(name).get();
    }

    @Test
    void spray_keeps_the_context_in_its_namespace_without_secrets_and_hashed_as_the_registry_holds_it() throws Exception {
        try (KubernetesCluster cluster = builder().context(ctx).build()) {
            cluster.deploy(3, e -> { });
        }

        ConfigMap kept = client.configMaps().inNamespace("br2k").withName("infodid-context").get();
        assertThat(kept).as("ConfigMap infodid-context").isNotNull();
        assertThat(kept.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "br2k");
        assertThat(kept.getData().get("sha256")).isEqualTo(HexFormat.of().formatHex(CanonicalContext.hash(ctx)));
        assertThat(CanonicalContext.hash(kept.getData().get("context.json"))).isEqualTo(CanonicalContext.hash(ctx));
        String keystore = Files.readString(labFile.resolveSibling("keystore.json")).strip();
        assertThat(kept.getData().toString()).doesNotContain("s3cret", "test-token", keystore.substring(0, Math.min(30, keystore.length())));
    }

    @Test
    void a_cluster_opened_from_the_kept_context_scales_and_recovers_keeping_the_secrets_and_the_statefulsets_references()
            throws Exception {
        try (KubernetesCluster cluster = builder().context(ctx).build()) {
            cluster.deploy(3, e -> { });
        }
        StatefulSet deployed = sts();
        Secret keystore = secret("infodid-keystore");
        Secret registry = secret("infodid-registry");

        StoredContext stored = ContextStore.read(client, "br2k", "infodid", "another-machine")
                .requireRegistered(CanonicalContext.hash(ctx), "ConfigMap br2k/infodid-context");
        try (KubernetesCluster cluster = builder().stored(stored).build()) {
            OperationResult recovered = cluster.recover(RecoverySource.NONE, e -> { });
            assertThat(recovered.changes()).as("re-applying the kept context changes nothing").isEmpty();
            cluster.add(1, e -> { });
        }

        StatefulSet now = sts();
        assertThat(now.getSpec().getReplicas()).isEqualTo(4);
        assertThat(now.getSpec().getTemplate()).isEqualTo(deployed.getSpec().getTemplate());
        assertThat(now.getSpec().getTemplate().getSpec().getVolumes()).extracting(Volume::getName).contains("keystore");
        assertThat(now.getSpec().getTemplate().getSpec().getImagePullSecrets())
                .extracting(r -> r.getName()).containsExactly("infodid-registry", "shared-pull");
        assertThat(secret("infodid-keystore").getData()).isEqualTo(keystore.getData());
        assertThat(secret("infodid-registry").getData()).isEqualTo(registry.getData());
        assertThat(client.configMaps().inNamespace("br2k").withName("infodid-context").get().getData().get("sha256"))
                .isEqualTo(HexFormat.of().formatHex(CanonicalContext.hash(ctx)));
    }

    @Test
    void a_kept_context_whose_keystore_secret_is_gone_is_refused_before_anything_changes() {
        try (KubernetesCluster cluster = builder().context(ctx).build()) {
            cluster.deploy(3, e -> { });
        }
        StoredContext stored = ContextStore.read(client, "br2k", "infodid", "another-machine");
        client.apps().statefulSets().inNamespace("br2k").withName("infodid").delete();
        client.persistentVolumeClaims().inNamespace("br2k").delete();
        client.secrets().inNamespace("br2k").withName("infodid-keystore").delete();

        try (KubernetesCluster cluster = builder().stored(stored).build()) {
            assertThatThrownBy(() -> cluster.recover(RecoverySource.NONE, e -> { }))
                    .isInstanceOf(ClusterException.class).hasMessageContaining("infodid-keystore")
                    .hasMessageContaining("br2k spray");
        }
        assertThat(sts()).isNull();
    }

    @Test
    void a_service_without_a_kept_context_is_refused_saying_to_spray_once() {
        assertThatThrownBy(() -> ContextStore.read(client, "br2k", "infodid", "another-machine"))
                .isInstanceOf(ClusterException.class).hasMessageContaining("ConfigMap br2k/infodid-context")
                .hasMessageContaining("br2k spray");
    }
}
