package dev.br2k.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.cluster.kubernetes.KubernetesCluster;
import dev.br2k.registry.RegistryAccessDeniedException;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceRegistration;
import dev.br2k.testkit.Anvil;
import dev.br2k.testkit.EtcdCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations against the real registry contract on anvil, etcd membership on a real 3-member etcd and
 * the StatefulSet on fabric8's mock API server (the only Kubernetes API here). Each test deploys a service
 * of its own in a namespace of its own and leaves etcd with its three members.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ServiceOperationsIT {
    static KubernetesClient client;

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    static RegistryClient deployer;
    static EtcdGateway gateway;

    @TempDir
    Path dir;

    RegistryClient manager;
    KubernetesCluster cluster;
    String service;

    @BeforeAll
    static void registry() {
        deployer = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(0));
        gateway = EtcdGateway.of(etcd.clientUrls());
    }

    @AfterAll
    static void closeRegistry() {
        deployer.close();
    }

    /** {@code name} deployed with 3 replicas and registered by account 1 with 3 replicas and {@code max}. */
    ServiceOperations deployedAndRegistered(String name, int max) throws Exception {
        service = name;
        Path context = dir.resolve(name + ".yaml");
        Files.writeString(context, """
                service: %s
                apiServer: %s
                token: deployer-token
                insecureSkipTlsVerify: true
                namespace: %s
                networkId: 31337
                port: 8080
                stateMountPath: /var/lib/br2k/state
                etcdMountPath: /var/lib/etcd
                image: 127.0.0.1:5000/%s:1
                replicas: 3
                maxReplicas: 5
                """.formatted(name, client.getMasterUrl(), name, name));
        DeploymentContext ctx = DeploymentContextParser.parse(context);
        cluster = KubernetesCluster.builder().client(client).context(ctx).etcd(gateway)
                .statusSource((ns, pod, port) -> Optional.empty()).joinTimeout(Duration.ZERO).build();
        cluster.deploy(3, ProgressListener.NONE);
        for (int i = 0; i < max; i++) { // add refuses to grow beyond the schedulable nodes (one replica per node)
            if (client.nodes().withName("node-" + i).get() == null) {
                client.nodes().resource(new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata().withName("node-" + i)
                        .endMetadata().withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition()
                        .endStatus().build()).create();
            }
        }
        manager = RegistryClient.connect(anvil.rpcUrl(), deployer.registryAddress(), anvil.account(1));
        manager.register(ServiceRegistration.builder(name).location("http://127.0.0.1:1").replicas(3, max).build());
        return ServiceOperations.of(cluster, new RegistryClientChain(manager, true), anvil.chainId());
    }

    @AfterEach
    void close() {
        if (cluster != null) {
            cluster.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    final List<String> steps = new CopyOnWriteArrayList<>();
    final ProgressListener recorder = e -> steps.add(e.status() + " " + e.step());

    @Test
    void add_and_reduce_check_the_chain_then_change_the_cluster_then_the_registry_and_verify() throws Exception {
        ServiceOperations ops = deployedAndRegistered("grow", 5);

        OperationOutcome added = ops.add(1, recorder);

        assertThat(added.replicas()).isEqualTo(4);
        assertThat(added.transaction()).isPresent();
        assertThat(steps).containsSubsequence("DONE chain: check grow on the service registry",
                "DONE chain: dry run of setReplicaCount(4)", "STARTED etcd member add grow-3", "DONE scale StatefulSet to 4",
                "DONE registry: set replica count to 4", "DONE verify: cluster and registry agree");
        assertThat(statefulSetReplicas()).isEqualTo(4);
        assertThat(gateway.members()).hasSize(4);
        assertThat(registered()).isEqualTo(4);

        steps.clear();
        OperationOutcome reduced = ops.reduce(1, recorder);

        assertThat(reduced.replicas()).isEqualTo(3);
        assertThat(steps).containsSubsequence("DONE chain: dry run of setReplicaCount(3)", "DONE scale StatefulSet to 3",
                "DONE registry: set replica count to 3", "DONE verify: cluster and registry agree");
        assertThat(statefulSetReplicas()).isEqualTo(3);
        assertThat(gateway.members()).hasSize(3);
        assertThat(registered()).isEqualTo(3);
    }

    @Test
    void an_account_that_is_no_longer_the_manager_is_refused_before_the_cluster_changes() throws Exception {
        ServiceOperations ops = deployedAndRegistered("handed-over", 5);
        handOver();

        OperationRefusedException refused = catchThrowableOfType(OperationRefusedException.class, () -> ops.add(1, recorder));

        assertThat(refused.refusal()).isEqualTo(Refusal.NOT_MANAGER);
        assertThat(refused.getMessage()).contains("nothing was changed").contains("only the manager")
                .containsIgnoringCase(anvil.account(2).getAddress()).contains("manager's keystore");
        assertThat(steps).last().asString().startsWith("FAILED chain: check handed-over");
        assertThat(steps).noneMatch(s -> s.contains("etcd member") || s.contains("StatefulSet"));
        assertThat(statefulSetReplicas()).isEqualTo(3);
        assertThat(gateway.members()).hasSize(3);
        assertThat(registered()).isEqualTo(3);
    }

    @Test
    void a_lowered_maximum_refuses_the_add_before_the_cluster_changes() throws Exception {
        ServiceOperations ops = deployedAndRegistered("lowered", 5);
        manager.setMaxReplicas(ServiceId.ofName("lowered"), 3);

        OperationRefusedException refused = catchThrowableOfType(OperationRefusedException.class, () -> ops.add(1, recorder));

        assertThat(refused.refusal()).isEqualTo(Refusal.OUT_OF_RANGE);
        assertThat(refused.getMessage()).contains("from 3 to 4").contains("allows 1..3").contains("registered maximum")
                .contains("Raise the registered maximum");
        assertThat(statefulSetReplicas()).isEqualTo(3);
        assertThat(gateway.members()).hasSize(3);
    }

    @Test
    void the_dry_run_reports_the_contracts_reason_for_a_transaction_that_would_revert() throws Exception {
        deployedAndRegistered("simulated", 5);
        handOver();

        RegistryAccessDeniedException denied = catchThrowableOfType(RegistryAccessDeniedException.class,
                () -> new RegistryClientChain(manager, true).dryRunSetReplicaCount(ServiceId.ofName("simulated"), 4));

        assertThat(denied.errorName()).isEqualTo("CallerNotManager");
        assertThat(registered()).isEqualTo(3);
    }

    @Test
    void a_registry_transaction_that_fails_after_the_cluster_changed_says_what_each_holds_and_how_to_reconcile() throws Exception {
        deployedAndRegistered("raced", 5);
        // the manager hands the service over between the check and the transaction: the real contract reverts it
        ChainRegistry real = new RegistryClientChain(manager, true);
        ChainRegistry racing = new ChainRegistry() {
            @Override
            public Optional<String> signer() {
                return real.signer();
            }

            @Override
            public long chainId() {
                return real.chainId();
            }

            @Override
            public Optional<dev.br2k.registry.ServiceInfo> findService(ServiceId id) {
                return real.findService(id);
            }

            @Override
            public void dryRunSetReplicaCount(ServiceId id, int replicas) {
                real.dryRunSetReplicaCount(id, replicas);
            }

            @Override
            public RegistryReceipt setReplicaCount(ServiceId id, int replicas) {
                handOver();
                return real.setReplicaCount(id, replicas);
            }

            @Override
            public void dryRunSetRunState(ServiceId id, dev.br2k.registry.RunState state) {
                real.dryRunSetRunState(id, state);
            }

            @Override
            public RegistryReceipt setRunState(ServiceId id, dev.br2k.registry.RunState state) {
                return real.setRunState(id, state);
            }
        };
        ServiceOperations ops = ServiceOperations.of(cluster, racing, anvil.chainId());

        RegistryBehindException behind = catchThrowableOfType(RegistryBehindException.class, () -> ops.add(1, recorder));

        assertThat(behind.clusterReplicas()).isEqualTo(4);
        assertThat(behind.registeredReplicas()).isEqualTo(3);
        assertThat(behind.getMessage()).contains("the cluster has 4 replicas now").contains("it still says 3")
                .contains("br2k add 0");
        assertThat(steps).last().asString().startsWith("FAILED registry: set replica count to 4");
        assertThat(statefulSetReplicas()).isEqualTo(4);
        assertThat(registered()).isEqualTo(3);

        ServiceOperations.clusterOnly(cluster).reduce(1, ProgressListener.NONE); // etcd back to three members
        assertThat(gateway.members()).hasSize(3);
    }

    @Test
    void recovery_of_a_vanished_service_redeploys_it_at_the_registered_count() throws Exception {
        ServiceOperations ops = deployedAndRegistered("vanished", 5);
        client.apps().statefulSets().inNamespace("vanished").withName("vanished").delete();
        client.configMaps().inNamespace("vanished").delete();
        client.services().inNamespace("vanished").delete();

        OperationOutcome recovered = ops.recover(recorder);

        assertThat(steps).first().asString().isEqualTo("STARTED chain: read the recovery information of vanished");
        assertThat(steps).containsSubsequence("DONE chain: read the recovery information of vanished",
                "DONE verify: the replicas of vanished");
        assertThat(recovered.replicas()).isEqualTo(3);
        assertThat(statefulSetReplicas()).isEqualTo(3);
        assertThat(gateway.members()).hasSize(3);
    }

    @Test
    void pause_and_resume_change_the_cluster_then_report_the_run_state() throws Exception {
        ServiceOperations ops = deployedAndRegistered("napping", 5);
        manager.setRunState(ServiceId.ofName("napping"), RunState.RUNNING);

        ops.pause(recorder);

        assertThat(steps).containsSubsequence("DONE chain: check napping on the service registry",
                "DONE chain: dry run of setRunState(STOPPED)", "DONE registry: set run state to STOPPED");
        assertThat(steps.indexOf("DONE registry: set run state to STOPPED")).isGreaterThan(steps.indexOf("DONE scale StatefulSet to 0, keeping its volumes"));
        assertThat(statefulSetReplicas()).isZero();
        assertThat(deployer.service(ServiceId.ofName("napping")).runState()).isEqualTo(RunState.STOPPED);

        steps.clear();
        ops.resume(recorder);

        assertThat(steps).containsSubsequence("DONE chain: dry run of setRunState(RUNNING)", "DONE registry: set run state to RUNNING");
        assertThat(statefulSetReplicas()).isEqualTo(3);
        assertThat(deployer.service(ServiceId.ofName("napping")).runState()).isEqualTo(RunState.RUNNING);
    }

    /** Account 1 proposes account 2 as manager, account 2 accepts. */
    private void handOver() {
        ServiceId id = ServiceId.ofName(service);
        manager.transferManager(id, anvil.account(2).getAddress());
        try (RegistryClient next = RegistryClient.connect(anvil.rpcUrl(), deployer.registryAddress(), anvil.account(2))) {
            next.acceptManager(id);
        }
    }

    private int registered() {
        return deployer.service(ServiceId.ofName(service)).replicaCount();
    }

    private int statefulSetReplicas() {
        return client.apps().statefulSets().inNamespace(service).withName(service).get().getSpec().getReplicas();
    }
}
