package dev.br2k.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.crypto.KeystoreStrength;
import dev.br2k.registry.crypto.Keystores;
import dev.br2k.testkit.Anvil;
import dev.br2k.testkit.EtcdCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * add and reduce keep the service registry's replica count in step with the cluster: the registry
 * contract on a real anvil, etcd membership on a real 3-member etcd, the StatefulSet on fabric8's mock
 * API server (the only Kubernetes API here). Each test uses a service and a registry of its own.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ScaleRegistryIT {
    static KubernetesClient client;

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    @TempDir
    Path dir;

    CliRun br2k;
    String registryAddress;
    String etcdUrls;
    Path keystore;

    @BeforeEach
    void setUp() {
        br2k = new CliRun(dir.resolve("home")).env("BR2K_KEYSTORE_PASSWORD", TestRegistry.PASSWORD);
        TestRegistry registry = TestRegistry.deployAndAdd(anvil, dir, br2k, anvil.account(1));
        registryAddress = registry.address();
        keystore = registry.keystore();
        etcdUrls = etcd.clientUrls().stream().map(URI::toString).collect(Collectors.joining(","));
        for (int i = 1; i <= 5; i++) { // Ready nodes, as a real cluster has: add counts them first
            client.nodes().resource(new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata().withName("node-" + i)
                    .endMetadata().withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition()
                    .endStatus().build()).createOr(n -> n.update());
        }
    }

    /** A Kubernetes context for {@code service}, registered with 3 replicas and {@code max}, sprayed with 3. */
    void deployedAndRegistered(String service, int max) throws IOException {
        Path context = dir.resolve(service + ".yaml");
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
                """.formatted(service, client.getMasterUrl(), service, service));
        ok(br2k.run("set-context", context.toString()));
        ok(br2k.run("register", "--service", service, "--replicas", "3", "--max-replicas", Integer.toString(max)));
        ok(br2k.run("spray", "--etcd", etcdUrls));
        assertThat(statefulSetReplicas(service)).isEqualTo(3);
    }

    @Test
    void add_and_reduce_set_the_registered_replica_count_after_the_cluster_changes() throws IOException {
        deployedAndRegistered("grow", 5);
        int members = etcd.memberIdsReportedByEtcd().size();

        CliRun.Result add = ok(br2k.run("add", "1", "--etcd", etcdUrls, "--join-timeout", "0"));
        assertThat(add.out()).contains("3 -> 4").contains("registry: replica count 3 -> 4");
        assertThat(statefulSetReplicas("grow")).isEqualTo(4);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members + 1);
        assertThat(registered("grow")).isEqualTo(4);

        CliRun.Result reduce = ok(br2k.run("reduce", "1", "--etcd", etcdUrls));
        assertThat(reduce.out()).contains("4 -> 3").contains("registry: replica count 4 -> 3");
        assertThat(statefulSetReplicas("grow")).isEqualTo(3);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members);
        assertThat(registered("grow")).isEqualTo(3);
    }

    @Test
    void adding_beyond_the_registered_maximum_is_refused_before_anything_changes() throws IOException {
        deployedAndRegistered("capped", 3);
        int members = etcd.memberIdsReportedByEtcd().size();

        CliRun.Result add = br2k.run("add", "1", "--etcd", etcdUrls, "--join-timeout", "0");

        assertThat(add.exitCode()).as(add.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(add.err()).contains("from 3 to 4").contains("allows 1..3").contains("registered maximum").contains("nothing was changed");
        assertThat(statefulSetReplicas("capped")).isEqualTo(3);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members);
        assertThat(registered("capped")).isEqualTo(3);
    }

    @Test
    void reducing_to_no_replica_is_refused_before_anything_changes() throws IOException {
        deployedAndRegistered("floor", 5);

        CliRun.Result reduce = br2k.run("reduce", "3", "--etcd", etcdUrls);

        assertThat(reduce.exitCode()).as(reduce.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(reduce.err()).contains("from 3 to 0").contains("allows 1..5");
        assertThat(statefulSetReplicas("floor")).isEqualTo(3);
        assertThat(registered("floor")).isEqualTo(3);
    }

    @Test
    void a_keystore_that_is_not_the_managers_is_refused_before_anything_changes() throws IOException {
        deployedAndRegistered("guarded", 5);
        Path stranger = Keystores.write(dir.resolve("stranger"), TestRegistry.PASSWORD, anvil.account(2).getEcKeyPair(), KeystoreStrength.LIGHT);

        CliRun.Result add = br2k.run("add", "1", "--etcd", etcdUrls, "--join-timeout", "0", "--keystore", stranger.toString());

        assertThat(add.exitCode()).as(add.toString()).isEqualTo(ExitCode.NOT_CONFIGURED);
        assertThat(add.err()).contains("only the manager").containsIgnoringCase(anvil.account(2).getAddress()).contains("--no-registry");
        assertThat(statefulSetReplicas("guarded")).isEqualTo(3);
    }

    @Test
    void a_service_that_is_not_registered_is_refused_unless_no_registry_is_asked_for() throws IOException {
        deployedAndRegistered("stray", 5);
        try (RegistryClient other = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(0))) {
            ok(br2k.run("add-service-registry", "other", "--rpc-url", anvil.rpcUrl(), "--address", other.registryAddress(),
                    "--keystore", keystore.toString()));
        }

        CliRun.Result refused = br2k.run("add", "1", "--etcd", etcdUrls, "--join-timeout", "0", "--registry", "other");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.NOT_CONFIGURED);
        assertThat(refused.err()).contains("stray is not registered").contains("br2k register");
        assertThat(statefulSetReplicas("stray")).isEqualTo(3);

        ok(br2k.run("add", "1", "--etcd", etcdUrls, "--join-timeout", "0", "--no-registry"));
        assertThat(statefulSetReplicas("stray")).isEqualTo(4);
        assertThat(registered("stray")).isEqualTo(3);
        ok(br2k.run("reduce", "1", "--etcd", etcdUrls, "--no-registry"));
        assertThat(statefulSetReplicas("stray")).isEqualTo(3);
    }

    @Test
    void add_0_sets_the_registered_count_to_the_clusters_without_touching_a_replica() throws IOException {
        deployedAndRegistered("drifted", 5);
        try (RegistryClient manager = RegistryClient.connect(anvil.rpcUrl(), registryAddress, anvil.account(1))) {
            manager.setReplicaCount(ServiceId.ofName("drifted"), 2);
        }

        CliRun.Result sync = ok(br2k.run("add", "0", "--etcd", etcdUrls));

        assertThat(sync.out()).contains("no replica changed; 3 replicas").contains("registry: replica count 2 -> 3");
        assertThat(registered("drifted")).isEqualTo(3);
        assertThat(statefulSetReplicas("drifted")).isEqualTo(3);
    }

    private int registered(String service) {
        try (RegistryClient reader = RegistryClient.connectReadOnly(anvil.rpcUrl(), registryAddress)) {
            return reader.service(ServiceId.ofName(service)).replicaCount();
        }
    }

    private static int statefulSetReplicas(String namespace) {
        List<io.fabric8.kubernetes.api.model.apps.StatefulSet> sets = client.apps().statefulSets().inNamespace(namespace).list().getItems();
        assertThat(sets).hasSize(1);
        return sets.get(0).getSpec().getReplicas();
    }

    private static CliRun.Result ok(CliRun.Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }
}
