package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressEvent;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoveryPlan;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.ReplicaCountException;
import dev.br2k.cluster.ReplicaPhase;
import dev.br2k.cluster.ServiceState;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.context.EtcdTls;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient(crud = true)
class KubernetesClusterTest {

    static KubernetesClient client;
    static KubernetesMockServer server;

    DeploymentContext ctx;
    FakeEtcd etcd;
    KubernetesCluster cluster;
    final List<ProgressEvent> events = new ArrayList<>();

    @BeforeEach
    void setUp() throws URISyntaxException {
        ctx = DeploymentContextParser.parse(Path.of(getClass().getResource("/contexts/lab.yaml").toURI()));
        etcd = new FakeEtcd();
        for (int i = 0; i < 3; i++) {
            etcd.started("infodid-" + i, KubernetesNames.peerUrl(ctx, i));
        }
        cluster = cluster(ctx);
        TestNodes.labelled(client, 5);
    }

    /** A node that may carry the context's labels, be Ready, be cordoned. */
    void node(String name, boolean labelled, boolean ready, boolean cordoned) {
        TestNodes.create(client, name, labelled, ready, cordoned);
    }

    KubernetesCluster cluster(DeploymentContext context) {
        return KubernetesCluster.builder().client(client).context(context).etcd(etcd)
                .statusSource((ns, pod, port) -> Optional.empty()).joinTimeout(Duration.ZERO).build();
    }

    @AfterEach
    void cleanUp() {
        cluster.close();
        client.apps().statefulSets().inNamespace("br2k").delete();
        client.services().inNamespace("br2k").delete();
        client.configMaps().inNamespace("br2k").delete();
        client.secrets().inNamespace("br2k").delete();
        client.serviceAccounts().inNamespace("br2k").delete();
        client.rbac().roles().inNamespace("br2k").delete();
        client.rbac().roleBindings().inNamespace("br2k").delete();
        client.policy().v1().podDisruptionBudget().inNamespace("br2k").delete();
        client.network().v1().networkPolicies().inNamespace("br2k").delete();
        client.pods().inNamespace("br2k").delete();
        client.persistentVolumeClaims().inNamespace("br2k").delete();
        client.nodes().delete();
        client.persistentVolumes().delete();
    }

    ProgressListener record() {
        return events::add;
    }

    StatefulSet sts() {
        return client.apps().statefulSets().inNamespace("br2k").withName("infodid").get();
    }

    static Map<String, String> env(Container c) {
        return c.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    @Test
    void deploy_creates_the_statefulset_with_a_service_and_an_etcd_container_per_pod() {
        OperationResult result = cluster.deploy(3, record());

        assertThat(result.replicasAfter()).isEqualTo(3);
        StatefulSet s = sts();
        assertThat(s.getSpec().getReplicas()).isEqualTo(3);
        assertThat(s.getSpec().getServiceName()).isEqualTo("infodid-peers");
        assertThat(s.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(s.getSpec().getSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/instance", "infodid").containsEntry("app.kubernetes.io/name", "br2k");
        assertThat(s.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenScaled()).isEqualTo("Retain");
        assertThat(s.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
        PodSpec pod = s.getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers()).extracting(Container::getName).containsExactly("service", "etcd", "leader-label");

        Container service = pod.getContainers().get(0);
        assertThat(service.getImage()).isEqualTo("registry.example.org/br2k/infodid:1.0");
        assertThat(service.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
        assertThat(env(service))
                .containsEntry("BR2K_SERVICE", "infodid")
                .containsEntry("BR2K_REPLICA_ID", "$(POD_NAME)")
                .containsEntry("BR2K_ETCD_ENDPOINTS", "http://127.0.0.1:2379,http://infodid-peers.br2k.svc:2379")
                .containsEntry("BR2K_HTTP_HOST", "0.0.0.0")
                .containsEntry("BR2K_HTTP_PORT", "8080")
                .containsEntry("BR2K_ADVERTISE_URL", "http://$(POD_NAME).infodid-peers.br2k.svc:8080")
                .containsEntry("BR2K_STATE_DIR", "/var/lib/br2k/state")
                .doesNotContainKeys("BR2K_NETWORK_ID", "BR2K_KEYSTORE_FILE", "BR2K_PROTOCOL", "BR2K_ENDPOINTS");
        assertThat(service.getEnv()).filteredOn(e -> e.getName().equals("POD_NAME")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name"));
        assertThat(service.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("state", "/var/lib/br2k"),
                        org.assertj.core.groups.Tuple.tuple("backups", "/br2k/backups"),
                        org.assertj.core.groups.Tuple.tuple("keystore", "/br2k/keystore"),
                        org.assertj.core.groups.Tuple.tuple("admin", "/br2k/admin"),
                        org.assertj.core.groups.Tuple.tuple("backup-log-key", "/br2k/backup-log-key"));
        assertThat(service.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/br2k/status");

        Container etcdC = pod.getContainers().get(1);
        assertThat(etcdC.getImage()).isEqualTo("registry.example.org/etcd:3.4.23");
        assertThat(etcdC.getCommand()).containsExactly("etcd");
        assertThat(etcdC.getArgs()).contains("--name=$(POD_NAME)", "--data-dir=/var/lib/etcd/data",
                "--listen-peer-urls=http://0.0.0.0:2380", "--listen-client-urls=http://0.0.0.0:2379",
                "--initial-advertise-peer-urls=http://$(POD_NAME).infodid-peers.br2k.svc:2380");
        assertThat(etcdC.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(2379, 2380);
        assertThat(etcdC.getEnv()).filteredOn(e -> e.getName().equals("ETCD_INITIAL_CLUSTER")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("infodid-etcd"));
        assertThat(etcdC.getVolumeMounts()).extracting(VolumeMount::getName, VolumeMount::getMountPath)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("etcd", "/var/lib/etcd"));

        assertThat(s.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName()).containsExactly("state", "etcd");
        assertThat(s.getSpec().getVolumeClaimTemplates()).allSatisfy(c -> {
            assertThat(c.getSpec().getStorageClassName()).isEqualTo("fast");
            assertThat(c.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("2Gi");
            assertThat(c.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        });
        assertThat(pod.getImagePullSecrets()).extracting(r -> r.getName()).containsExactly("infodid-registry", "shared-pull");
        assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("backups", "keystore", "admin", "backup-log-key");
        assertThat(pod.getVolumes().get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo("infodid-backups");
        assertThat(pod.getVolumes().get(1).getSecret().getSecretName()).isEqualTo("infodid-keystore");
    }

    @Test
    void deploy_places_replicas_on_labelled_nodes_and_never_two_on_one_node() {
        cluster.deploy(3, record());

        var affinity = sts().getSpec().getTemplate().getSpec().getAffinity();
        var terms = affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
        assertThat(terms).singleElement().satisfies(t -> assertThat(t.getMatchExpressions())
                .extracting(e -> e.getKey(), e -> e.getOperator(), e -> e.getValues())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("br2k.dev/replica-node", "In", List.of("true")),
                        org.assertj.core.groups.Tuple.tuple("topology.kubernetes.io/zone", "In", List.of("zone-a"))));
        var anti = affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        assertThat(anti).singleElement().satisfies(t -> {
            assertThat(t.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
            assertThat(t.getLabelSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance", "infodid");
        });
    }

    @Test
    void deploy_creates_the_services_the_etcd_bootstrap_config_and_the_secrets() {
        etcd.members.clear(); // new pods: no etcd member has started yet
        cluster.deploy(3, record());

        Service peers = client.services().inNamespace("br2k").withName("infodid-peers").get();
        assertThat(peers.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(peers.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(peers.getSpec().getPorts()).extracting(p -> p.getName(), p -> p.getPort())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("etcd-client", 2379),
                        org.assertj.core.groups.Tuple.tuple("etcd-peer", 2380),
                        org.assertj.core.groups.Tuple.tuple("http", 8080));
        Service clients = client.services().inNamespace("br2k").withName("infodid").get();
        assertThat(clients.getSpec().getType()).isEqualTo("NodePort");
        assertThat(clients.getSpec().getSelector()).containsEntry("app.kubernetes.io/instance", "infodid");
        assertThat(clients.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getPort()).isEqualTo(8080));

        ConfigMap config = client.configMaps().inNamespace("br2k").withName("infodid-etcd").get();
        assertThat(config.getData()).containsEntry("initial-cluster-state", "new").containsEntry("initial-cluster",
                "infodid-0=http://infodid-0.infodid-peers.br2k.svc:2380,infodid-1=http://infodid-1.infodid-peers.br2k.svc:2380,"
                        + "infodid-2=http://infodid-2.infodid-peers.br2k.svc:2380");

        Secret pull = client.secrets().inNamespace("br2k").withName("infodid-registry").get();
        assertThat(pull.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        String dockerConfig = new String(Base64.getDecoder().decode(pull.getData().get(".dockerconfigjson")), StandardCharsets.UTF_8);
        assertThat(dockerConfig).contains("\"registry.example.org\"").contains("\"username\":\"deployer\"")
                .contains(Base64.getEncoder().encodeToString("deployer:s3cret".getBytes(StandardCharsets.UTF_8)));
        Secret keystore = client.secrets().inNamespace("br2k").withName("infodid-keystore").get();
        assertThat(new String(Base64.getDecoder().decode(keystore.getData().get("keystore.json")), StandardCharsets.UTF_8))
                .contains("f39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        assertThat(events).filteredOn(e -> e.status() == ProgressEvent.Status.DONE).extracting(ProgressEvent::step)
                .containsExactly("apply Secret infodid-registry", "apply Secret infodid-keystore",
                        "create Secret infodid-admin (admin token)", "create Secret infodid-backup-log-key (backup log key)",
                        "create ConfigMap infodid-etcd",
                        "create PersistentVolumeClaim infodid-backups (shared backup store)",
                        "apply ServiceAccount infodid", "apply Role infodid-leader-label", "apply RoleBinding infodid-leader-label",
                        "apply Service infodid-peers", "apply Service infodid", "apply StatefulSet infodid",
                        "apply PodDisruptionBudget infodid", "apply NetworkPolicy infodid",
                        "apply ConfigMap infodid-context (the deployment context, no secrets)");
    }

    @Test
    void deploy_keeps_the_backup_logs_key_in_a_secret_of_its_own_not_on_the_shared_backup_volume() {
        cluster.deploy(3, record());

        Secret key = client.secrets().inNamespace("br2k").withName("infodid-backup-log-key").get();
        assertThat(key).as("Secret infodid-backup-log-key").isNotNull();
        String hex = new String(Base64.getDecoder().decode(key.getData().get("backup-log.key")), StandardCharsets.UTF_8);
        assertThat(hex).as("the key file's form: 64 hex digits, a 256-bit key").matches("[0-9a-f]{64}");
        var pod = sts().getSpec().getTemplate().getSpec();
        Container service = pod.getContainers().stream().filter(c -> c.getName().equals(KubernetesNames.SERVICE_CONTAINER))
                .findFirst().orElseThrow();
        assertThat(env(service)).containsEntry("BR2K_BACKUP_LOG_KEY_FILE", "/br2k/backup-log-key/backup-log.key");
        assertThat(service.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("backup-log-key");
            assertThat(m.getMountPath()).isEqualTo("/br2k/backup-log-key");
            assertThat(m.getReadOnly()).isTrue();
        });
        assertThat(pod.getVolumes()).anyMatch(v -> v.getName().equals("backup-log-key") && v.getSecret() != null
                && v.getSecret().getSecretName().equals("infodid-backup-log-key"));

        // the key that sealed the log's records so far must survive every later deploy
        cluster.deploy(3, record());
        Secret kept = client.secrets().inNamespace("br2k").withName("infodid-backup-log-key").get();
        assertThat(new String(Base64.getDecoder().decode(kept.getData().get("backup-log.key")), StandardCharsets.UTF_8)).isEqualTo(hex);
    }

    @Test
    void deploy_creates_the_admin_token_secret_mounts_it_into_the_service_container_and_keeps_an_existing_one() {
        cluster.deploy(3, record());

        Secret admin = client.secrets().inNamespace("br2k").withName("infodid-admin").get();
        assertThat(admin).as("Secret infodid-admin").isNotNull();
        assertThat(new String(Base64.getDecoder().decode(admin.getData().get("token")), StandardCharsets.UTF_8))
                .matches("[0-9a-f]{64}");
        var pod = sts().getSpec().getTemplate().getSpec();
        Container service = pod.getContainers().stream().filter(c -> c.getName().equals(KubernetesNames.SERVICE_CONTAINER))
                .findFirst().orElseThrow();
        assertThat(env(service)).containsEntry("BR2K_ADMIN_TOKEN_FILE", "/br2k/admin/token");
        assertThat(service.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo("admin");
            assertThat(m.getMountPath()).isEqualTo("/br2k/admin");
            assertThat(m.getReadOnly()).isTrue();
        });
        assertThat(pod.getVolumes()).anyMatch(v -> v.getName().equals("admin") && v.getSecret() != null
                && v.getSecret().getSecretName().equals("infodid-admin"));
        assertThat(pod.getContainers()).filteredOn(c -> !c.getName().equals(KubernetesNames.SERVICE_CONTAINER))
                .allSatisfy(c -> assertThat(c.getVolumeMounts()).noneMatch(m -> m.getName().equals("admin")));

        // an operator's own token (and every scraper configured with it) survives the next deploy
        String chosen = "operator-chosen-token-0123456789";
        admin.setData(Map.of("token", Base64.getEncoder().encodeToString(chosen.getBytes(StandardCharsets.UTF_8))));
        client.resource(admin).inNamespace("br2k").update();
        cluster.deploy(3, record());
        Secret kept = client.secrets().inNamespace("br2k").withName("infodid-admin").get();
        assertThat(new String(Base64.getDecoder().decode(kept.getData().get("token")), StandardCharsets.UTF_8)).isEqualTo(chosen);
        assertThat(cluster.adminToken()).isEqualTo(chosen);
    }

    @Test
    void the_etcd_bootstrap_config_turns_existing_once_every_initial_member_has_started() {
        List<MemberInfo> started = List.copyOf(etcd.members);
        etcd.members.clear();
        cluster.deploy(3, record());
        etcd.members.addAll(started.subList(0, 2));
        cluster.deploy(3, record()); // infodid-2 has not started: a member with an empty data dir may still bootstrap
        assertThat(etcdConfig()).containsEntry("initial-cluster-state", "new");

        etcd.members.add(started.get(2));
        OperationResult r = cluster.deploy(3, record());

        // a member whose data dir is lost later must join the running cluster, never bootstrap a second one
        assertThat(etcdConfig()).containsEntry("initial-cluster-state", "existing")
                .hasEntrySatisfying("initial-cluster", v -> assertThat(v.split(",")).hasSize(3));
        assertThat(r.changes()).anySatisfy(c -> assertThat(c).contains("existing"));
    }

    Map<String, String> etcdConfig() {
        return client.configMaps().inNamespace("br2k").withName("infodid-etcd").get().getData();
    }

    @Test
    void deploying_again_changes_nothing() {
        cluster.deploy(3, record());
        Map<String, String> versions = resourceVersions();
        events.clear();

        OperationResult again = cluster.deploy(3, record());

        assertThat(again.unchanged()).isTrue();
        assertThat(resourceVersions()).isEqualTo(versions);
        // every step of the deployment (Secrets, ConfigMaps, claim, RBAC, Services, StatefulSet, PDB, policy, kept context, etcd mark)
        assertThat(events).filteredOn(e -> e.status() != ProgressEvent.Status.STARTED).hasSize(16)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(ProgressEvent.Status.SKIPPED));
    }

    @Test
    void a_changed_context_updates_the_statefulset_and_keeps_its_replica_count() {
        cluster.deploy(3, record());
        client.apps().statefulSets().inNamespace("br2k").withName("infodid")
                .edit(s -> { s.getSpec().setReplicas(4); return s; }); // as an add would have left it

        OperationResult r = cluster(ctx.withImage("registry.example.org/br2k/infodid:1.1")).deploy(3, record());

        assertThat(r.changes()).containsExactly("apply StatefulSet infodid",
                "apply ConfigMap infodid-context (the deployment context, no secrets)");
        assertThat(sts().getSpec().getReplicas()).isEqualTo(4);
        assertThat(sts().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example.org/br2k/infodid:1.1");
    }

    @Test
    void etcd_peer_tls_mounts_the_certificate_secret_and_switches_peers_to_https() {
        DeploymentContext tls = new DeploymentContext(ctx.name(), ctx.service(), ctx.apiServer(), ctx.token(),
                ctx.certificateAuthority(), ctx.insecureSkipTlsVerify(), ctx.kubeconfigContext(), ctx.namespace(),
                ctx.nodeLabels(), ctx.networkId(), ctx.protocol(), ctx.endpoints(), ctx.port(), ctx.stateMountPath(),
                ctx.etcdMountPath(), ctx.image(), ctx.etcdImage(), ctx.replicas(), ctx.maxReplicas(), ctx.storageSize(),
                ctx.storageClass(), ctx.backupStorageClass(), ctx.exposure(), ctx.imageRegistry(), ctx.imagePullSecrets(), ctx.keystore(),
                new EtcdTls(true, false, Optional.of("etcd-certs")));

        StatefulSet s = DesiredState.statefulSet(tls, 3);

        Container etcdC = s.getSpec().getTemplate().getSpec().getContainers().get(1);
        assertThat(etcdC.getArgs()).contains("--listen-peer-urls=https://0.0.0.0:2380", "--listen-client-urls=http://0.0.0.0:2379",
                "--peer-client-cert-auth=true", "--peer-trusted-ca-file=/br2k/etcd-tls/ca.crt");
        assertThat(s.getSpec().getTemplate().getSpec().getVolumes()).extracting(v -> v.getName())
                .contains("etcd-tls");
        assertThat(s.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getName().equals("etcd-tls"))
                .singleElement().satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("etcd-certs"));
        assertThat(env(s.getSpec().getTemplate().getSpec().getContainers().get(0)))
                .containsEntry("BR2K_ETCD_ENDPOINTS", "http://127.0.0.1:2379,http://infodid-peers.br2k.svc:2379");
        assertThat(KubernetesNames.peerUrl(tls, 1)).isEqualTo("https://infodid-1.infodid-peers.br2k.svc:2380");
    }

    @Test
    void add_adds_the_etcd_member_then_scales_and_reduce_removes_it_then_scales() {
        cluster.deploy(3, record());
        events.clear();

        cluster.add(1, record());

        assertThat(sts().getSpec().getReplicas()).isEqualTo(4);
        assertThat(etcd.changes).containsExactly("add http://infodid-3.infodid-peers.br2k.svc:2380");
        assertThat(doneSteps()).containsExactly("etcd member add infodid-3", "update ConfigMap infodid-etcd",
                "scale StatefulSet to 4");
        ConfigMap config = client.configMaps().inNamespace("br2k").withName("infodid-etcd").get();
        assertThat(config.getData()).containsEntry("initial-cluster-state", "existing");
        assertThat(config.getData().get("initial-cluster")).contains("infodid-3=http://infodid-3.infodid-peers.br2k.svc:2380");

        claim("etcd-infodid-3");
        claim("state-infodid-3");
        events.clear();
        cluster.reduce(1, record());

        assertThat(sts().getSpec().getReplicas()).isEqualTo(3);
        assertThat(etcd.members()).extracting(m -> m.name()).containsExactly("infodid-0", "infodid-1", "infodid-2");
        assertThat(doneSteps()).containsExactly("etcd member remove infodid-3", "update ConfigMap infodid-etcd",
                "scale StatefulSet to 3", "delete volume claims of infodid-3");
        assertThat(client.persistentVolumeClaims().inNamespace("br2k").list().getItems()).extracting(c -> c.getMetadata().getName())
                .as("only the shared backup store is left").containsExactly("infodid-backups");
    }

    @Test
    void an_add_interrupted_after_the_member_add_is_finished_by_a_rerun_without_adding_twice() {
        cluster.deploy(3, record());
        etcd.addMember(KubernetesNames.peerUrl(ctx, 3)); // the crashed run got this far

        cluster.add(1, record());

        assertThat(etcd.members()).hasSize(4);
        assertThat(sts().getSpec().getReplicas()).isEqualTo(4);
    }

    @Test
    void add_is_refused_with_the_count_when_too_few_schedulable_nodes_carry_the_labels() {
        cluster.deploy(3, record());
        client.nodes().delete();
        for (int i = 0; i < 3; i++) {
            node("node-" + i, true, true, false);
        }
        node("cordoned", true, true, true);
        node("not-ready", true, false, false);
        node("unlabelled", false, true, false);

        assertThatThrownBy(() -> cluster.add(1, record())).isInstanceOf(ReplicaCountException.class)
                .hasMessageContaining("only 3 schedulable").hasMessageContaining("kubectl label node <node> br2k.dev/replica-node=true");
        assertThat(etcd.changes).isEmpty();
        assertThat(sts().getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void an_added_learner_that_never_starts_is_removed_and_the_statefulset_scaled_back() {
        cluster.deploy(3, record());
        cluster.close();
        cluster = KubernetesCluster.builder().client(client).context(ctx).etcd(etcd)
                .statusSource((ns, pod, port) -> Optional.empty()).joinTimeout(Duration.ofSeconds(1)).build();

        assertThatThrownBy(() -> cluster.add(1, record())).isInstanceOf(ClusterException.class)
                .hasMessageContaining("infodid-3 did not start").hasMessageContaining("scaled back to 3 replicas");

        assertThat(etcd.changes).hasSize(2).first().asString().startsWith("add learner ");
        assertThat(etcd.changes.get(1)).startsWith("remove ");
        assertThat(etcd.members()).hasSize(3);
        assertThat(sts().getSpec().getReplicas()).isEqualTo(3);
        assertThat(client.configMaps().inNamespace("br2k").withName("infodid-etcd").get().getData().get("initial-cluster").split(","))
                .hasSize(3);
    }

    @Test
    void add_beyond_the_maximum_and_reduce_below_one_are_refused() {
        cluster.deploy(3, record());

        assertThatThrownBy(() -> cluster.add(3, record())).isInstanceOf(ReplicaCountException.class)
                .hasMessageContaining("at most 5");
        assertThatThrownBy(() -> cluster.reduce(3, record())).isInstanceOf(ReplicaCountException.class)
                .hasMessageContaining("at least 1");
        assertThat(sts().getSpec().getReplicas()).isEqualTo(3);
        assertThat(etcd.changes).isEmpty();
    }

    @Test
    void pause_scales_to_zero_keeps_the_volumes_and_deploy_resumes_at_the_previous_size() {
        cluster.deploy(3, record());
        for (int i = 0; i < 3; i++) {
            claim("state-infodid-" + i);
            claim("etcd-infodid-" + i);
        }

        cluster.pause(record());

        assertThat(sts().getSpec().getReplicas()).isZero();
        assertThat(client.persistentVolumeClaims().inNamespace("br2k").list().getItems()).hasSize(7); // and the shared one
        ServiceState paused = cluster.state();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.desiredReplicas()).isEqualTo(3);
        assertThat(paused.replicas()).extracting(r -> r.phase()).containsOnly(ReplicaPhase.STOPPED);
        assertThat(paused.problems()).isEmpty();
        assertThat(cluster.pause(record()).unchanged()).isTrue();
        assertThatThrownBy(() -> cluster.add(1, record())).isInstanceOf(ClusterException.class).hasMessageContaining("paused");

        OperationResult resumed = cluster.deploy(3, record());

        assertThat(resumed.changes()).containsExactly("resume: scale StatefulSet to 3");
        assertThat(sts().getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts().getMetadata().getAnnotations()).doesNotContainKey(KubernetesNames.ANNOTATION_PAUSED);
        assertThat(client.persistentVolumeClaims().inNamespace("br2k").list().getItems()).hasSize(7); // and the shared one
    }

    @Test
    void state_reports_each_replica_with_phase_node_restarts_and_member() {
        cluster.deploy(3, record());
        pod(0, "Running", true, null, 0);
        pod(1, "Running", false, "CrashLoopBackOff", 7);

        ServiceState state = cluster.state();

        assertThat(state.replicas()).extracting(r -> r.name(), r -> r.phase(), r -> r.node(), r -> r.restarts())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("infodid-0", ReplicaPhase.RUNNING, "node-0", 0),
                        org.assertj.core.groups.Tuple.tuple("infodid-1", ReplicaPhase.FAILED, "node-1", 7),
                        org.assertj.core.groups.Tuple.tuple("infodid-2", ReplicaPhase.MISSING, "", 0));
        assertThat(state.replicas().get(0).memberId()).contains(etcd.members().get(0).id());
        assertThat(state.replicas().get(1).detail()).contains("etcd").contains("CrashLoopBackOff");
        assertThat(state.problems()).anyMatch(p -> p.startsWith("infodid-1 is failed"))
                .anyMatch(p -> p.startsWith("infodid-2 is missing")).contains("no replica is leader");
    }

    @Test
    void recovery_recreates_missing_objects_and_replaces_failed_replicas() {
        cluster.deploy(3, record());
        client.services().inNamespace("br2k").withName("infodid").delete();
        client.configMaps().inNamespace("br2k").withName("infodid-etcd").delete();
        pod(0, "Running", true, null, 0);
        pod(1, "Running", false, "CrashLoopBackOff", 5); // its etcd crashes: replace the member
        claim("etcd-infodid-1");
        String oldMember = etcd.members().get(1).id();

        OperationResult r = cluster.recover(RecoverySource.NONE, record());

        assertThat(r.changes()).contains("create ConfigMap infodid-etcd", "apply Service infodid",
                "replace etcd member of infodid-1 (CrashLoopBackOff)", "replace pod infodid-1 (CrashLoopBackOff)");
        assertThat(client.services().inNamespace("br2k").withName("infodid").get()).isNotNull();
        assertThat(client.pods().inNamespace("br2k").withName("infodid-1").get()).isNull();
        assertThat(client.pods().inNamespace("br2k").withName("infodid-0").get()).isNotNull();
        assertThat(client.persistentVolumeClaims().inNamespace("br2k").withName("etcd-infodid-1").get()).isNull();
        assertThat(etcd.members()).extracting(m -> m.id()).doesNotContain(oldMember).hasSize(3);
        assertThat(etcd.members()).anySatisfy(m -> assertThat(m.peerUrls())
                .containsExactly("http://infodid-1.infodid-peers.br2k.svc:2380"));
        assertThat(client.configMaps().inNamespace("br2k").withName("infodid-etcd").get().getData())
                .containsEntry("initial-cluster-state", "existing");
    }

    @Test
    void recovery_of_a_service_that_is_entirely_gone_redeploys_it_from_the_registry_plan() {
        RecoverySource registry = service -> Optional.of(new RecoveryPlan(service, 4,
                Optional.of("registry.example.org/br2k/infodid:0.9"), Optional.of("backup-17")));

        OperationResult r = cluster.recover(registry, record());

        assertThat(r.replicasAfter()).isEqualTo(4);
        StatefulSet s = sts();
        assertThat(s.getSpec().getReplicas()).isEqualTo(4);
        Container service = s.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(service.getImage()).isEqualTo("registry.example.org/br2k/infodid:0.9");
        assertThat(env(service)).doesNotContainKey("BR2K_RESTORE_BACKUP");
        assertThat(events).anySatisfy(e -> assertThat(e.toString()).contains("restore backup backup-17", "infodid-backups"));
        assertThat(client.configMaps().inNamespace("br2k").withName("infodid-etcd").get().getData())
                .containsEntry("initial-cluster-state", "new")
                .hasEntrySatisfying("initial-cluster", v -> assertThat(v.split(",")).hasSize(4));
        assertThat(client.services().inNamespace("br2k").list().getItems()).hasSize(2);
        assertThat(cluster.recover(registry, record()).changes()).isEmpty();
    }

    @Test
    void a_pod_on_a_node_not_ready_past_the_grace_period_is_fenced_force_deleted_and_its_local_volumes_replaced() {
        cluster.deploy(3, record());
        String oldMember = etcd.members().get(1).id();
        lostNode(1, Duration.ofMinutes(10));

        OperationResult r = cluster.recover(RecoverySource.NONE, record());

        assertThat(r.changes()).anySatisfy(c -> assertThat(c).contains("infodid-1", "node-1", "NotReady"));
        assertThat(etcd.changes).containsExactly("remove " + oldMember, "add http://infodid-1.infodid-peers.br2k.svc:2380");
        assertThat(client.pods().inNamespace("br2k").withName("infodid-1").get()).isNull();
        assertThat(client.persistentVolumeClaims().inNamespace("br2k").withName("state-infodid-1").get()).isNull();
        assertThat(client.persistentVolumeClaims().inNamespace("br2k").withName("etcd-infodid-1").get()).isNull();
    }

    @Test
    void a_pod_on_a_node_not_ready_for_less_than_the_grace_period_is_left_alone() {
        cluster.deploy(3, record());
        lostNode(1, Duration.ofMinutes(1));

        cluster.recover(RecoverySource.NONE, record());

        assertThat(etcd.changes).isEmpty();
        assertThat(client.pods().inNamespace("br2k").withName("infodid-1").get()).isNotNull();
        assertThat(client.persistentVolumeClaims().inNamespace("br2k").withName("state-infodid-1").get()).isNotNull();
    }

    /**
     * Node {@code node-i} NotReady since {@code ago}, its pod Terminating with the statuses it had (a kubelet that
     * is gone reports nothing more), and the pod's claims bound to local volumes on that node.
     */
    void lostNode(int i, Duration ago) {
        String node = "node-" + i;
        client.nodes().withName(node).edit(n -> {
            n.getStatus().getConditions().get(0).setStatus("Unknown");
            n.getStatus().getConditions().get(0).setLastTransitionTime(java.time.Instant.now().minus(ago).toString());
            return n;
        });
        pod(i, "Running", true, null, 0);
        client.pods().inNamespace("br2k").withName("infodid-" + i).edit(p -> {
            p.getMetadata().setDeletionTimestamp(java.time.Instant.now().minus(ago).toString());
            return p;
        });
        for (String volume : List.of("state", "etcd")) {
            String claim = volume + "-infodid-" + i;
            client.persistentVolumes().resource(new io.fabric8.kubernetes.api.model.PersistentVolumeBuilder()
                    .withNewMetadata().withName("pv-" + claim).endMetadata()
                    .withNewSpec().withNewLocal().withPath("/mnt/disks/" + claim).endLocal()
                        .withNewNodeAffinity().withNewRequired().addNewNodeSelectorTerm().addNewMatchExpression()
                        .withKey("kubernetes.io/hostname").withOperator("In").withValues(node).endMatchExpression()
                        .endNodeSelectorTerm().endRequired().endNodeAffinity()
                    .endSpec().build()).create();
            client.persistentVolumeClaims().inNamespace("br2k").resource(new PersistentVolumeClaimBuilder()
                    .withNewMetadata().withName(claim).withLabels(KubernetesNames.labels("infodid")).endMetadata()
                    .withNewSpec().withAccessModes("ReadWriteOnce").withVolumeName("pv-" + claim).endSpec().build()).create();
        }
    }

    @Test
    void a_crash_looping_leader_label_sidecar_does_not_make_recovery_replace_its_pod() {
        cluster.deploy(3, record());
        pod(1, "Running", true, null, 0);
        client.pods().inNamespace("br2k").withName("infodid-1").edit(p -> {
            p.getStatus().getContainerStatuses().add(new io.fabric8.kubernetes.api.model.ContainerStatusBuilder()
                    .withName("leader-label").withReady(false).withRestartCount(12)
                    .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState().build());
            return p;
        });

        OperationResult r = cluster.recover(RecoverySource.NONE, record());

        assertThat(client.pods().inNamespace("br2k").withName("infodid-1").get()).isNotNull();
        assertThat(r.changes()).noneSatisfy(c -> assertThat(c).contains("infodid-1"));
        assertThat(events).anySatisfy(e -> assertThat(e.step()).contains("infodid-1", "leader-label", "kubectl"));
    }

    @Test
    void a_recovery_run_on_a_healthy_service_changes_nothing() {
        cluster.deploy(3, record());
        pod(0, "Running", true, null, 0);

        assertThat(cluster.recover(RecoverySource.NONE, record()).unchanged()).isTrue();
        assertThat(etcd.changes).isEmpty();
    }

    List<String> doneSteps() {
        return events.stream().filter(e -> e.status() == ProgressEvent.Status.DONE).map(ProgressEvent::step).toList();
    }

    Map<String, String> resourceVersions() {
        List<HasMetadata> all = new ArrayList<>();
        all.addAll(client.apps().statefulSets().inNamespace("br2k").list().getItems());
        all.addAll(client.services().inNamespace("br2k").list().getItems());
        all.addAll(client.configMaps().inNamespace("br2k").list().getItems());
        all.addAll(client.secrets().inNamespace("br2k").list().getItems());
        return all.stream().collect(Collectors.toMap(o -> o.getKind() + "/" + o.getMetadata().getName(),
                o -> o.getMetadata().getResourceVersion(), (a, b) -> a, java.util.TreeMap::new));
    }

    void claim(String name) {
        client.persistentVolumeClaims().inNamespace("br2k").resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(name).withLabels(KubernetesNames.labels("infodid")).endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").endSpec().build()).create();
    }

    /** A pod as the StatefulSet controller and kubelet would report it. */
    void pod(int i, String phase, boolean ready, String etcdWaitingReason, int etcdRestarts) {
        Function<Boolean, Boolean> r = b -> b;
        Pod p = new PodBuilder()
                .withNewMetadata().withName("infodid-" + i).withLabels(KubernetesNames.labels("infodid")).endMetadata()
                .withNewSpec().withNodeName("node-" + i).endSpec()
                .withNewStatus().withPhase(phase)
                    .addNewContainerStatus().withName("service").withReady(r.apply(ready)).withRestartCount(0)
                        .withNewState().withNewRunning().endRunning().endState().endContainerStatus()
                    .addNewContainerStatus().withName("etcd").withReady(ready).withRestartCount(etcdRestarts)
                        .withNewState().withNewWaitingLike(etcdWaitingReason == null ? null
                                : new io.fabric8.kubernetes.api.model.ContainerStateWaiting("back-off", etcdWaitingReason))
                        .endWaiting().endState().endContainerStatus()
                .endStatus().build();
        if (etcdWaitingReason == null) {
            p.getStatus().getContainerStatuses().get(1).getState().setWaiting(null);
            p.getStatus().getContainerStatuses().get(1).getState().setRunning(new io.fabric8.kubernetes.api.model.ContainerStateRunning());
        }
        client.pods().inNamespace("br2k").resource(p).create();
    }
}
