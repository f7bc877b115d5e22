package dev.br2k.watch.kube;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.context.CanonicalContext;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.cluster.kubernetes.KubernetesCluster;
import dev.br2k.operations.ServiceOperations;
import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.KubernetesApi;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Watch's Kubernetes directory against the mock API server as its own process and a real 3-member etcd:
 * a service whose kept context (ConfigMap {@code <svc>-context}) hashes to the registry's contextHash is operable —
 * ADD, REDUCE and RECOVERY through {@link ServiceOperations} change the StatefulSet and the etcd membership and keep
 * the Secrets and the pods' template — and one whose kept context is missing or not the registered one is observed
 * only, saying why and what fixes it.
 */
class KubernetesClusterDirectoryIT {

    @RegisterExtension
    static final KubernetesApi kube = KubernetesApi.builder().namespace("br2k").build();

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @TempDir
    static Path dir;

    static KubernetesClient client;
    static DeploymentContext ctx;

    @BeforeAll
    static void deployLedgerAsSprayDoes() throws Exception {
        Path keystore = Files.writeString(dir.resolve("keystore.json"), "{\"address\":\"f39fd6e51aad88f6f4ce6ab8827279cfffb92266\"}");
        ctx = DeploymentContextParser.parse("""
                service: ledger
                kubeconfigContext: mock
                namespace: br2k
                networkId: 31337
                port: 8080
                stateMountPath: /br2k/state
                etcdMountPath: /br2k/etcd
                image: registry.example.org/ledger:1.0
                replicas: 3
                maxReplicas: 5
                imageRegistry: { server: registry.example.org, username: deployer, password: s3cret }
                keystore: %s
                """.formatted(keystore), "lab.yaml", dir);
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig("mock", kube.kubeconfig().toFile())).build();
        dev.br2k.watch.testing.KubeNodes.ready(client, 5);
        try (KubernetesCluster deployer = KubernetesCluster.builder().client(client).context(ctx)
                .etcd(EtcdGateway.of(etcd.clientUrls())).joinTimeout(Duration.ZERO).build()) {
            deployer.deploy(3, ProgressListener.NONE);
        }
    }

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    static KubernetesClusterDirectory directory() {
        KubeContext mock = Kubeconfigs.read(List.of(kube.kubeconfig())).context("mock").orElseThrow();
        return new KubernetesClusterDirectory(mock, b -> b.etcd(EtcdGateway.of(etcd.clientUrls())).joinTimeout(Duration.ZERO));
    }

    static StatefulSet ledger() {
        return client.apps().statefulSets().inNamespace("br2k").withName("ledger").get();
    }

    @Test
    void a_service_whose_kept_context_is_the_registered_one_scales_and_recovers_from_a_kubeconfig_alone() {
        PodTemplateSpec deployed = ledger().getSpec().getTemplate();
        Secret keystore = client.secrets().inNamespace("br2k").withName("ledger-keystore").get();
        int members = etcd.memberIdsReportedByEtcd().size();
        try (KubernetesClusterDirectory directory = directory()) {
            Br2kCluster cluster = directory.cluster("ledger", () -> CanonicalContext.hash(ctx)).orElseThrow();
            assertThat(cluster).isInstanceOf(KubernetesCluster.class);
            ServiceOperations operations = ServiceOperations.clusterOnly(cluster);

            operations.add(1, ProgressListener.NONE);
            assertThat(ledger().getSpec().getReplicas()).isEqualTo(4);
            assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members + 1);

            operations.reduce(1, ProgressListener.NONE);
            assertThat(ledger().getSpec().getReplicas()).isEqualTo(3);
            assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members);

            cluster.recover(RecoverySource.NONE, ProgressListener.NONE);
        }
        assertThat(ledger().getSpec().getTemplate()).as("the pods' template spray made, keystore mount included").isEqualTo(deployed);
        assertThat(client.secrets().inNamespace("br2k").withName("ledger-keystore").get().getData()).isEqualTo(keystore.getData());
    }

    @Test
    void a_service_whose_kept_context_is_not_the_registered_one_is_observed_only_naming_the_fix() {
        byte[] other = CanonicalContext.hash(ctx.withImage("registry.example.org/ledger:2.0"));
        try (KubernetesClusterDirectory directory = directory()) {
            Br2kCluster cluster = directory.cluster("ledger", () -> other).orElseThrow();

            assertThat(cluster).isInstanceOf(ObservedCluster.class);
            assertThat(((ObservedCluster) cluster).reason()).contains("ConfigMap br2k/ledger-context")
                    .contains("br2k set-context-hash ledger");
            assertThatThrownBy(() -> cluster.add(1, ProgressListener.NONE)).hasMessageContaining("br2k set-context-hash ledger");
            assertThat(cluster.state().desiredReplicas()).isEqualTo(3);
        }
        assertThat(ledger().getSpec().getReplicas()).isEqualTo(3);
    }
}
