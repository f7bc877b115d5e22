package dev.br2k.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.testkit.EtcdCluster;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes side of the CLI on fabric8's mock API server (CRUD mode, the only Kubernetes API
 * here): the admin's context-assign, the deployer's set-context/test/set-secret, and
 * spray/state/add/reduce/pause/recovery, with etcd membership on a real 3-member etcd.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesCommandsIT {
    static KubernetesMockServer server;
    static KubernetesClient client;

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @TempDir
    Path dir;

    CliRun br2k;
    ScheduledExecutorService tokenController;

    @BeforeEach
    void setUp() {
        br2k = new CliRun(dir.resolve("home"));
        for (int i = 1; i <= 4; i++) {
            client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-" + i).endMetadata()
                    .withNewStatus().addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                    .build()).createOr(n -> n.update()); // Ready, as a real cluster's nodes are
        }
        // The mock has no token controller: fill in service-account tokens as a cluster would.
        tokenController = Executors.newSingleThreadScheduledExecutor();
        tokenController.scheduleWithFixedDelay(() -> {
            try {
                for (Secret s : client.secrets().inAnyNamespace().list().getItems()) {
                    if ("kubernetes.io/service-account-token".equals(s.getType()) && (s.getData() == null || !s.getData().containsKey("token"))) {
                        client.secrets().inNamespace(s.getMetadata().getNamespace()).withName(s.getMetadata().getName()).edit(x -> {
                            x.setData(Map.of("token", Base64.getEncoder().encodeToString("deployer-token".getBytes(StandardCharsets.UTF_8))));
                            return x;
                        });
                    }
                }
            } catch (RuntimeException e) {
                // the next round tries again
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void tearDown() {
        tokenController.shutdownNow();
    }

    Path assignedContext(String service) {
        Path request = dir.resolve(service + "-request.yaml");
        CliRun.Result ask = br2k.run("ask-context", "--service", service, "--image", "127.0.0.1:5000/" + service + ":1",
                "--replicas", "3", "--max-replicas", "4", "--network-id", "31337", "-o", request.toString());
        assertThat(ask.exitCode()).as(ask.toString()).isZero();
        Path context = dir.resolve(service + "-context.yaml");
        CliRun.Result assign = br2k.run("context-assign", "--request", request.toString(), "--server", client.getMasterUrl().toString(),
                "--token", "admin", "--insecure-skip-tls-verify", "-o", context.toString());
        assertThat(assign.exitCode()).as(assign.toString()).isZero();
        return context;
    }

    @Test
    void context_assign_labels_nodes_and_creates_a_namespace_scoped_account_whose_context_the_deployer_can_use() throws IOException {
        Path context = assignedContext("infodid");

        assertThat(client.nodes().withLabel("br2k.dev/infodid", "replica").list().getItems()).hasSize(4);
        assertThat(client.namespaces().withName("infodid").get()).isNotNull();
        assertThat(client.serviceAccounts().inNamespace("infodid").withName("infodid-deployer").get()).isNotNull();
        var role = client.rbac().roles().inNamespace("infodid").withName("infodid-deployer").get();
        assertThat(role.getRules()).extracting(r -> String.join(",", r.getResources())).anyMatch(r -> r.contains("pods"));
        // the one cluster-wide grant: reading nodes, bound to this account alone
        var bindings = client.rbac().clusterRoleBindings().withLabel("br2k.dev/service", "infodid").list().getItems();
        assertThat(bindings).singleElement().satisfies(b -> {
            assertThat(b.getRoleRef().getName()).isEqualTo("br2k-node-reader");
            assertThat(b.getSubjects()).singleElement().satisfies(s -> assertThat(s.getNamespace() + "/" + s.getName())
                    .isEqualTo("infodid/infodid-deployer"));
        });
        assertThat(client.rbac().clusterRoles().withName("br2k-node-reader").get().getRules()).singleElement().satisfies(r -> {
            assertThat(r.getResources()).containsExactly("nodes");
            assertThat(r.getVerbs()).containsExactlyInAnyOrder("get", "list", "watch");
        });
        assertThat(Files.readString(context)).contains("token: \"deployer-token\"").contains("namespace: \"infodid\"");

        assertThat(br2k.run("set-context", context.toString()).exitCode()).isZero();
        CliRun.Result test = br2k.run("test");
        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.out()).contains("4 node(s) labelled").contains("All checks passed");
    }

    @Test
    void context_assign_with_no_node_reader_grants_nothing_outside_the_namespace() throws IOException {
        Path request = dir.resolve("narrow-request.yaml");
        assertThat(br2k.run("ask-context", "--service", "narrow", "--image", "127.0.0.1:5000/narrow:1", "--replicas", "3",
                "--network-id", "31337", "-o", request.toString()).exitCode()).isZero();
        CliRun.Result assign = br2k.run("context-assign", "--request", request.toString(), "--server", client.getMasterUrl().toString(),
                "--token", "admin", "--insecure-skip-tls-verify", "--no-node-reader", "-o", dir.resolve("narrow.yaml").toString());

        assertThat(assign.exitCode()).as(assign.toString()).isZero();
        // the API server is shared by this class's tests: other services' accounts may read nodes, this one may not
        assertThat(client.rbac().clusterRoleBindings().list().getItems())
                .noneMatch(b -> b.getSubjects().stream().anyMatch(s -> "narrow".equals(s.getNamespace())));
    }

    @Test
    void context_assign_allows_no_more_replicas_than_it_could_label_nodes() throws IOException {
        Path request = dir.resolve("wide-request.yaml");
        assertThat(br2k.run("ask-context", "--service", "wide", "--image", "127.0.0.1:5000/wide:1", "--replicas", "3",
                "--max-replicas", "6", "--network-id", "31337", "-o", request.toString()).exitCode()).isZero();
        Path context = dir.resolve("wide-context.yaml");
        CliRun.Result assign = br2k.run("context-assign", "--request", request.toString(), "--server", client.getMasterUrl().toString(),
                "--token", "admin", "--insecure-skip-tls-verify", "-o", context.toString());

        assertThat(assign.exitCode()).as(assign.toString()).isZero();
        assertThat(assign.out() + assign.err()).contains("maxReplicas lowered from 6 to 4");
        assertThat(Files.readString(context)).contains("maxReplicas: 4");
    }

    @Test
    void set_secret_puts_the_registry_login_into_the_namespace() throws IOException {
        br2k.run("set-context", assignedContext("secretive").toString());
        Files.writeString(br2k.home().resolve("auth.yaml"), "logins:\n  - {server: \"harbor.lab:443\", username: bob, password: pw}\n");
        br2k.run("add-image-registry", "harbor", "harbor.lab:443");

        CliRun.Result set = br2k.run("set-secret");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        Secret secret = client.secrets().inNamespace("secretive").withName("secretive-pull").get();
        assertThat(secret.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get(".dockerconfigjson")))).contains("harbor.lab:443").contains("bob");

        assertThat(br2k.run("rm-secret").exitCode()).isZero();
        assertThat(client.secrets().inNamespace("secretive").withName("secretive-pull").get()).isNull();
    }

    @Test
    void spray_add_reduce_pause_and_recovery_drive_the_statefulset_and_etcd_membership() throws IOException {
        br2k.run("set-context", assignedContext("kvs").toString());
        String etcdUrls = etcd.clientUrls().stream().map(URI::toString).collect(Collectors.joining(","));

        CliRun.Result spray = br2k.run("spray", "--etcd", etcdUrls);
        assertThat(spray.exitCode()).as(spray.toString()).isZero();
        assertThat(statefulSet("kvs").getSpec().getReplicas()).isEqualTo(3);
        assertThat(br2k.run("spray", "--etcd", etcdUrls).out()).contains("nothing to change");

        CliRun.Result state = br2k.run("state", "--etcd", etcdUrls);
        assertThat(state.exitCode()).as(state.toString()).isZero();
        assertThat(state.out()).contains("kvs-0").contains("kvs-2");

        int members = etcd.memberIdsReportedByEtcd().size();
        CliRun.Result add = br2k.run("add", "1", "--etcd", etcdUrls, "--join-timeout", "0");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(statefulSet("kvs").getSpec().getReplicas()).isEqualTo(4);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members + 1);

        CliRun.Result tooMany = br2k.run("add", "1", "--etcd", etcdUrls, "--join-timeout", "0");
        assertThat(tooMany.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(tooMany.err()).contains("at most 4");

        CliRun.Result reduce = br2k.run("reduce", "1", "--etcd", etcdUrls);
        assertThat(reduce.exitCode()).as(reduce.toString()).isZero();
        assertThat(statefulSet("kvs").getSpec().getReplicas()).isEqualTo(3);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members);

        CliRun.Result pause = br2k.run("pause", "--etcd", etcdUrls);
        assertThat(pause.exitCode()).as(pause.toString()).isZero();
        assertThat(statefulSet("kvs").getSpec().getReplicas()).isZero();
        assertThat(br2k.run("state", "--etcd", etcdUrls).out()).contains("PAUSED");

        assertThat(br2k.run("spray", "--etcd", etcdUrls).exitCode()).isZero();
        assertThat(statefulSet("kvs").getSpec().getReplicas()).isEqualTo(3);

        CliRun.Result recovery = br2k.run("recovery", "--etcd", etcdUrls);
        assertThat(recovery.exitCode()).as(recovery.toString()).isZero();
    }

    @Test
    void another_machine_with_only_a_kubeconfig_adds_reduces_and_recovers_from_the_context_spray_kept() throws IOException {
        br2k.run("set-context", assignedContext("kvk").toString());
        String etcdUrls = etcd.clientUrls().stream().map(URI::toString).collect(Collectors.joining(","));
        assertThat(br2k.run("spray", "--etcd", etcdUrls).exitCode()).isZero();
        var deployed = statefulSet("kvk").getSpec().getTemplate();
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: lab, cluster: {server: "%s"}}]
                users: [{name: operator, user: {token: operator-token}}]
                contexts: [{name: lab, context: {cluster: lab, user: operator, namespace: kvk}}]
                current-context: lab
                """.formatted(client.getMasterUrl()));
        CliRun elsewhere = new CliRun(dir.resolve("elsewhere")).env("KUBECONFIG", kubeconfig.toString());
        int members = etcd.memberIdsReportedByEtcd().size();

        CliRun.Result add = elsewhere.run("add", "1", "--kube-context", "lab", "--service", "kvk", "--etcd", etcdUrls,
                "--join-timeout", "0", "--no-registry");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(statefulSet("kvk").getSpec().getReplicas()).isEqualTo(4);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members + 1);

        CliRun.Result reduce = elsewhere.run("reduce", "1", "--kube-context", "lab", "--service", "kvk", "--etcd", etcdUrls,
                "--no-registry");
        assertThat(reduce.exitCode()).as(reduce.toString()).isZero();
        assertThat(statefulSet("kvk").getSpec().getReplicas()).isEqualTo(3);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(members);

        CliRun.Result recovery = elsewhere.run("recovery", "--kube-context", "lab", "--service", "kvk", "--etcd", etcdUrls,
                "--no-registry");
        assertThat(recovery.exitCode()).as(recovery.toString()).isZero();
        assertThat(statefulSet("kvk").getSpec().getTemplate()).as("the pods' template, as spray made it").isEqualTo(deployed);

        client.configMaps().inNamespace("kvk").withName("kvk-context").delete();
        CliRun.Result without = elsewhere.run("add", "1", "--kube-context", "lab", "--service", "kvk", "--etcd", etcdUrls,
                "--join-timeout", "0", "--no-registry");
        assertThat(without.exitCode()).isEqualTo(ExitCode.NOT_CONFIGURED);
        assertThat(without.err()).contains("ConfigMap kvk/kvk-context").contains("br2k spray");
        assertThat(statefulSet("kvk").getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void an_unreachable_api_server_is_reported_with_what_to_check() throws IOException {
        Path context = assignedContext("lost");
        String text = Files.readString(context).replaceAll("apiServer: .*", "apiServer: \"http://127.0.0.1:1\"");
        Files.writeString(context, text);
        br2k.run("set-context", context.toString());
        CliRun.Result test = br2k.run("test");
        assertThat(test.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(test.out()).contains("FAIL").contains("127.0.0.1:1");
    }

    private static StatefulSet statefulSet(String ns) {
        return client.apps().statefulSets().inNamespace(ns).list().getItems().get(0);
    }
}
