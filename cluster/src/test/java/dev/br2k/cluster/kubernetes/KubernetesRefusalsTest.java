package dev.br2k.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.context.EtcdTls;
import dev.br2k.cluster.context.Protocol;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a real API server refuses (or what could never run) is refused before anything is sent: the mock
 * server in CRUD mode accepts any change, so these checks are the only thing between a context change and a
 * 422 or a service whose pods never become Ready.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesRefusalsTest {
    static KubernetesClient client;

    DeploymentContext lab;

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        lab = DeploymentContextParser.parse(Path.of(getClass().getResource("/contexts/lab.yaml").toURI()));
    }

    @AfterEach
    void cleanUp() {
        client.apps().statefulSets().inNamespace("br2k").delete();
        client.services().inNamespace("br2k").delete();
        client.configMaps().inNamespace("br2k").delete();
        client.secrets().inNamespace("br2k").delete();
        client.policy().v1().podDisruptionBudget().inNamespace("br2k").delete();
        client.network().v1().networkPolicies().inNamespace("br2k").delete();
    }

    KubernetesCluster cluster(DeploymentContext ctx) {
        FakeEtcd etcd = new FakeEtcd();
        for (int i = 0; i < 3; i++) {
            etcd.started(ctx.service() + "-" + i, KubernetesNames.peerUrl(ctx, i));
        }
        return KubernetesCluster.builder().client(client).context(ctx).etcd(etcd)
                .statusSource((ns, pod, port) -> Optional.empty()).joinTimeout(Duration.ZERO).build();
    }

    static DeploymentContext with(DeploymentContext c, String service, Protocol protocol, String storageSize, EtcdTls tls) {
        return new DeploymentContext(c.name(), service, c.apiServer(), c.token(), c.certificateAuthority(),
                c.insecureSkipTlsVerify(), c.kubeconfigContext(), c.namespace(), c.nodeLabels(), c.networkId(), protocol,
                c.endpoints(), c.port(), c.stateMountPath(), c.etcdMountPath(), c.image(), c.etcdImage(), c.replicas(),
                c.maxReplicas(), storageSize, c.storageClass(), c.backupStorageClass(), c.exposure(), c.imageRegistry(), c.imagePullSecrets(),
                c.keystore(), tls);
    }

    StatefulSet sts(String name) {
        return client.apps().statefulSets().inNamespace("br2k").withName(name).get();
    }

    @Test
    void a_changed_storage_size_is_refused_because_volume_claim_templates_are_immutable() {
        cluster(lab).deploy(3, e -> { });
        DeploymentContext bigger = with(lab, lab.service(), lab.protocol(), "20Gi", lab.etcdTls());

        assertThatThrownBy(() -> cluster(bigger).deploy(3, e -> { }))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("volumeClaimTemplates").hasMessageContaining("2Gi").hasMessageContaining("20Gi")
                .hasMessageContaining("kubectl patch pvc");
        assertThat(sts("infodid").getSpec().getVolumeClaimTemplates())
                .allSatisfy(c -> assertThat(c.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("2Gi"));
    }

    @Test
    void https_is_refused_until_the_runtime_serves_it() {
        DeploymentContext https = with(lab, lab.service(), Protocol.HTTPS, lab.storageSize(), lab.etcdTls());

        assertThatThrownBy(() -> cluster(https).deploy(3, e -> { }))
                .isInstanceOf(ClusterException.class).hasMessageContaining("protocol HTTPS").hasMessageContaining("protocol: HTTP");
        assertThat(sts("infodid")).isNull();
    }

    @Test
    void etcd_client_tls_is_deployed_with_the_runtime_presenting_the_secrets_certificate() throws Exception {
        DeploymentContext tls = with(lab, lab.service(), lab.protocol(), lab.storageSize(), new EtcdTls(true, true, Optional.empty()));
        client.secrets().inNamespace("br2k").resource(EtcdTlsSecretCheckTest.secret(EtcdTlsSecretCheckTest.CA.issue(
                dir, "etcd", dev.br2k.testkit.tls.KeyStyle.EC_SEC1, EtcdTlsSecretCheckTest.ALL_NAMES))).create();

        cluster(tls).deploy(3, e -> { });

        var pod = sts("infodid").getSpec().getTemplate().getSpec();
        var service = pod.getContainers().get(0);
        var etcd = pod.getContainers().get(1);
        assertThat(service.getEnv()).extracting(v -> v.getName() + "=" + v.getValue()).contains(
                "BR2K_ETCD_ENDPOINTS=https://127.0.0.1:2379,https://infodid-peers.br2k.svc:2379",
                "BR2K_ETCD_CA_FILE=/br2k/etcd-tls/ca.crt", "BR2K_ETCD_CERT_FILE=/br2k/etcd-tls/tls.crt",
                "BR2K_ETCD_KEY_FILE=/br2k/etcd-tls/tls.key");
        assertThat(service.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("etcd-tls");
            assertThat(m.getMountPath()).isEqualTo("/br2k/etcd-tls");
            assertThat(m.getReadOnly()).isTrue();
        });
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals("etcd-tls")).singleElement()
                .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("infodid-etcd-tls"));
        assertThat(etcd.getArgs()).contains("--client-cert-auth=true", "--listen-client-urls=https://0.0.0.0:2379",
                "--listen-metrics-urls=http://0.0.0.0:2381");
        assertThat(etcd.getReadinessProbe().getHttpGet().getPort().getIntVal())
                .as("the kubelet has no client certificate: /health on the plain metrics port").isEqualTo(2381);
        assertThat(etcd.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTP");
    }

    @Test
    void etcd_tls_without_its_secret_is_refused_before_anything_is_sent() {
        DeploymentContext tls = with(lab, lab.service(), lab.protocol(), lab.storageSize(), new EtcdTls(true, false, Optional.empty()));

        assertThatThrownBy(() -> cluster(tls).deploy(3, e -> { }))
                .isInstanceOf(ClusterException.class).hasMessageContaining("Secret infodid-etcd-tls does not exist in namespace br2k");
        assertThat(sts("infodid")).isNull();
    }

    @Test
    void a_service_name_too_long_for_a_statefulset_is_refused() {
        String name = "a".repeat(53);
        DeploymentContext longName = with(lab, name, lab.protocol(), lab.storageSize(), lab.etcdTls());

        assertThatThrownBy(() -> cluster(longName).deploy(3, e -> { }))
                .isInstanceOf(ClusterException.class).hasMessageContaining("at most 52");
        assertThat(sts(name)).isNull();
    }

    @Test
    void a_service_name_that_starts_with_a_digit_is_refused() {
        DeploymentContext digit = with(lab, "1infodid", lab.protocol(), lab.storageSize(), lab.etcdTls());

        assertThatThrownBy(() -> cluster(digit).deploy(3, e -> { }))
                .isInstanceOf(ClusterException.class).hasMessageContaining("DNS-1035");
    }
}
