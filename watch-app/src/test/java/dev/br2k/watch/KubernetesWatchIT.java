package dev.br2k.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.context.CanonicalContext;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.cluster.kubernetes.KubernetesCluster;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceRegistration;
import dev.br2k.registry.crypto.KeystoreStrength;
import dev.br2k.registry.crypto.Keystores;
import dev.br2k.testkit.Anvil;
import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.KubernetesApi;
import dev.br2k.watch.backend.KeystoreUnlocker;
import dev.br2k.watch.backend.RegistryClientGateway;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.dashboard.ServiceItem;
import dev.br2k.watch.kube.KubeContext;
import dev.br2k.watch.kube.Kubeconfigs;
import dev.br2k.watch.kube.KubernetesClusterDirectory;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.ProfileStore;
import dev.br2k.watch.shell.MainWindow;
import dev.br2k.watch.task.FxTaskExecutor;
import dev.br2k.watch.testing.Fx;
import dev.br2k.watch.testing.KubeNodes;
import dev.br2k.watch.testing.MockKubelet;
import dev.br2k.watch.testing.WatchWindow;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * An operator's session with a service deployed on Kubernetes, through the Watch's window: log in, open the
 * service, press ADD, REDUCE and RECOVERY. Against the Kubernetes API (fabric8's mock server as its own process,
 * the one stand-in this machine allows), a real 3-member etcd that is the service's etcd, and the
 * ServiceRegistry on a real anvil, whose {@code contextHash} is that of the context {@code spray} kept in the
 * namespace. The mock runs no StatefulSet controller and no kubelet: {@link MockKubelet} makes the pods the
 * StatefulSet asks for and answers their {@code /br2k/status}. What is checked is what the Watch did: the
 * StatefulSet, the pods, the etcd membership and the registry, which must agree after each button.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesWatchIT {
    private static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    @RegisterExtension
    static final KubernetesApi kube = KubernetesApi.builder().namespace("br2k").build();

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @TempDir
    static Path dir;

    static KubernetesClient client;
    static RegistryClient manager;
    static MockKubelet kubelet;
    static FxTaskExecutor executor;
    static WatchWindow shown;
    static MainWindow window;
    static PodTemplateSpec deployedTemplate;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void deployLedgerOnKubernetesRegisterItAndOpenTheWatch() throws Exception {
        DeploymentContext ctx = DeploymentContextParser.parse("""
                service: ledger
                kubeconfigContext: mock
                namespace: br2k
                networkId: 31337
                port: 8080
                stateMountPath: /br2k/state
                etcdMountPath: /br2k/etcd
                image: registry.example.org/ledger:1.0
                replicas: 3
                maxReplicas: 4
                """, "ledger.yaml", dir);
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig("mock", kube.kubeconfig().toFile())).build();
        KubeNodes.ready(client, 4);
        kubelet = new MockKubelet(client, "br2k", "ledger");
        try (KubernetesCluster deployer = KubernetesCluster.builder().client(client).context(ctx)
                .etcd(EtcdGateway.of(etcd.clientUrls())).joinTimeout(Duration.ZERO).build()) {
            deployer.deploy(3, ProgressListener.NONE);
        }
        deployedTemplate = ledger().getSpec().getTemplate();

        manager = RegistryClient.builder().rpcUrl(anvil.rpcUrl()).credentials(anvil.account(0))
                .pollingInterval(Duration.ofMillis(300)).deploy();
        manager.register(ServiceRegistration.builder("ledger").description("Audit ledger, deployed on Kubernetes")
                .location("https://ledger.example.org").replicas(3, 4).context(CanonicalContext.hash(ctx), "").build());
        Path keystore = Keystores.write(dir.resolve("keystore"), PASSWORD, anvil.account(0).getEcKeyPair(), KeystoreStrength.LIGHT);

        KubeContext mock = Kubeconfigs.read(List.of(kube.kubeconfig())).context("mock").orElseThrow();
        WatchServices services = new WatchServices(executor = new FxTaskExecutor(),
                new ProfileStore(dir.resolve("config/watch-profiles.json")), KeystoreUnlocker.V3,
                RegistryClientGateway.connector(),
                profile -> new KubernetesClusterDirectory(mock, b -> b.etcd(EtcdGateway.of(etcd.clientUrls()))
                        .statusSource(kubelet::status).joinTimeout(Duration.ZERO)),
                Duration.ofMillis(800), () -> Kubeconfigs.read(List.of(kube.kubeconfig())));
        shown = WatchWindow.open(services, new Profile("kube", anvil.rpcUrl(), manager.registryAddress(), keystore.toString(), "", "mock"));
        window = shown.window();
    }

    @AfterAll
    static void closeEverything() throws Exception {
        if (shown != null) {
            shown.close();
        }
        if (executor != null) {
            executor.close();
        }
        if (kubelet != null) {
            kubelet.close();
        }
        if (manager != null) {
            manager.close();
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    @Order(1)
    void the_kubernetes_service_opens_healthy_with_add_and_reduce_offered() {
        robot.clickOn("#password");
        Fx.run(() -> robot.lookup("#password").queryTextInputControl().setText(PASSWORD));
        robot.clickOn("#login");
        await().atMost(60, TimeUnit.SECONDS).until(() -> robot.lookup("#services").tryQuery().isPresent()
                && Fx.get(() -> window.dashboard().loadedProperty().get()));
        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> ledgerItem().health()) == Health.HEALTHY);

        Fx.run(() -> window.openService(ledgerItem()));

        await().atMost(30, TimeUnit.SECONDS).until(() -> enabled("#add") && enabled("#reduce"));
        assertThat(enabled("#recover")).as("RECOVERY while healthy").isFalse();
    }

    @Test
    @Order(2)
    void add_scales_the_statefulset_adds_an_etcd_member_and_raises_the_registered_count() {
        int members = etcd.memberIdsReportedByEtcd().size();

        robot.clickOn("#add");

        await().atMost(120, TimeUnit.SECONDS).until(() -> manager.service(ServiceId.ofName("ledger")).replicaCount() == 4);
        assertThat(ledger().getSpec().getReplicas()).isEqualTo(4);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members + 1);
        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> ledgerItem().replicaCount() == 4
                && ledgerItem().health() == Health.HEALTHY));
        assertThat(enabled("#add")).as("ADD at the registered maximum").isFalse();
    }

    @Test
    @Order(3)
    void reduce_scales_back_removes_the_member_and_lowers_the_registered_count() {
        int members = etcd.memberIdsReportedByEtcd().size();

        robot.clickOn("#reduce");

        await().atMost(120, TimeUnit.SECONDS).until(() -> manager.service(ServiceId.ofName("ledger")).replicaCount() == 3);
        assertThat(ledger().getSpec().getReplicas()).isEqualTo(3);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members - 1);
        await().atMost(60, TimeUnit.SECONDS).until(() -> client.pods().inNamespace("br2k").withName("ledger-3").get() == null);
        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> ledgerItem().replicaCount() == 3
                && ledgerItem().health() == Health.HEALTHY));
    }

    @Test
    @Order(4)
    void recovery_replaces_a_crash_looping_pod_and_keeps_the_deployed_template() {
        int before = kubelet.incarnations("ledger-1");
        kubelet.crashLoop("ledger-1");
        await().atMost(60, TimeUnit.SECONDS).until(() -> enabled("#recover"));
        assertThat(Fx.get(() -> ledgerItem().health())).isEqualTo(Health.FAULTY);

        robot.clickOn("#recover");

        await().atMost(120, TimeUnit.SECONDS).until(() -> kubelet.incarnations("ledger-1") > before);
        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> ledgerItem().health()) == Health.HEALTHY);
        assertThat(enabled("#recover")).isFalse();
        assertThat(ledger().getSpec().getReplicas()).isEqualTo(3);
        assertThat(ledger().getSpec().getTemplate()).as("the pods' template spray made").isEqualTo(deployedTemplate);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(3);
        assertThat(manager.service(ServiceId.ofName("ledger")).replicaCount()).isEqualTo(3);
    }

    private static StatefulSet ledger() {
        return client.apps().statefulSets().inNamespace("br2k").withName("ledger").get();
    }

    private static ServiceItem ledgerItem() {
        return window.dashboard().item("ledger").orElseThrow();
    }

    private static boolean enabled(String id) {
        return Fx.get(() -> robot.lookup(id).tryQuery().map(n -> n instanceof Button b && !b.isDisabled()).orElse(false));
    }
}
