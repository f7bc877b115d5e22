package dev.br2k.cli.pods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.cli.InfoDidImage;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.kubernetes.KubernetesCluster;
import dev.br2k.cluster.kubernetes.KubernetesNames;
import dev.br2k.testkit.EtcdImage;
import dev.br2k.testkit.Podman;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pods of the StatefulSet {@code KubernetesCluster} creates (read back from the mock API server and
 * rendered per ordinal by {@link StatefulSetPods}) run under {@code podman kube play} on a podman network:
 * the images are the InfoDID image {@code br2k build} makes and an etcd image made from Debian's etcd.
 * Three pods bootstrap etcd from the ConfigMap, form a BR2K service with one leader, and a kill -9 of the
 * leader's pod fails over; the pod made again from the same YAML and claims rejoins as a follower; after a
 * backup, a pod replaced with an empty state volume restores it from the shared backup store (the
 * ReadWriteMany claim, here one podman volume all pods mount) and follows.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class StatefulSetPodsRunIT {
    static KubernetesClient client;
    static final ObjectMapper JSON = new ObjectMapper();
    static final int PORT = 8080;

    @TempDir
    Path dir;

    final String id = UUID.randomUUID().toString().substring(0, 6);
    final String service = "pods" + id.replaceAll("[^a-z0-9]", "x");
    final String image = "localhost/br2k-pods-" + id + ":it";
    final String etcdImage = "localhost/br2k-etcd-" + id + ":3.4.23";
    final String network = "br2k-pods-" + id;
    final List<String> pods = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Podman podman;

    @AfterEach
    void removePodsVolumesNetworkAndImages() {
        if (podman == null) {
            return;
        }
        for (String pod : pods) {
            for (String container : List.of("service", "etcd")) { // kept in the failsafe report, for a failure
                Podman.Result log = podman.run("logs", "--tail", "15", pod + "-" + container);
                System.out.println("--- " + pod + "-" + container + "\n" + log.out() + log.err());
            }
            podman.run("pod", "rm", "-f", "-t", "0", pod);
            podman.run("volume", "rm", "-f", "state-" + pod, "etcd-" + pod);
        }
        podman.run("volume", "rm", "-f", service + "-backups");
        podman.run("network", "rm", "-f", network);
        podman.run("rmi", "-f", image, etcdImage);
    }

    @Test
    void three_pods_from_the_statefulset_form_a_service_fail_over_and_a_replaced_pod_restores_the_shared_backup() throws Exception {
        podman = Podman.in(dir.resolve("podman"));
        buildServiceImage();
        EtcdImage.build(podman, dir.resolve("etcd-image"), etcdImage);

        DeploymentContext ctx = context();
        String adminToken;
        try (KubernetesCluster cluster = KubernetesCluster.builder().client(client).context(ctx).build()) {
            cluster.deploy(3, ProgressListener.NONE);
            adminToken = cluster.adminToken();
        }
        StatefulSet sts = client.apps().statefulSets().inNamespace(ctx.namespace()).withName(KubernetesNames.statefulSet(ctx)).get();
        ConfigMap etcdConfig = client.configMaps().inNamespace(ctx.namespace()).withName(KubernetesNames.etcdConfigMap(ctx)).get();

        podman.run("network", "create", network).orThrow();
        Map<Integer, String> ips = ipsOnNetwork(3);
        StatefulSetPods rendering = new StatefulSetPods(sts, ips, secretFiles(ctx));
        Path configMap = dir.resolve("etcd-config.yaml");
        Files.writeString(configMap, StatefulSetPods.configMapYaml(etcdConfig));
        for (int i = 0; i < 3; i++) {
            pods.add(rendering.podName(i));
        }
        for (int i = 0; i < 3; i++) {
            play(rendering, i, ips.get(i), configMap);
        }

        Map<String, String> urls = new LinkedHashMap<>();
        ips.forEach((i, ip) -> urls.put(rendering.podName(i), "http://" + ip + ":" + PORT));
        String leader = awaitOneLeader("one leader among the three pods, the others following it", urls, Duration.ofSeconds(180));
        Map<String, JsonNode> statuses = statuses(urls);
        assertThat(statuses).as("every pod answers").hasSize(3);
        statuses.forEach((pod, status) -> {
            assertThat(status.path("id").asText()).as("replica id is the pod name").isEqualTo(pod);
            if (!pod.equals(leader)) {
                assertThat(status.path("role").asText()).isEqualTo("FOLLOWER");
                assertThat(status.path("leaderUrl").asText()).as("the leader's advertised URL, a headless-Service name")
                        .isEqualTo("http://" + leader + "." + KubernetesNames.peerService(ctx) + "." + ctx.namespace() + ".svc:" + PORT);
            }
        });

        podman.run("pod", "kill", "--signal", "KILL", leader).orThrow();
        Map<String, String> survivors = new LinkedHashMap<>(urls);
        survivors.remove(leader);
        String next = awaitOneLeader("a new leader after kill -9 of " + leader, survivors, Duration.ofSeconds(60));
        assertThat(next).isNotEqualTo(leader);

        // The StatefulSet controller would make the pod again with the same name and claims.
        podman.run("pod", "rm", "-f", "-t", "0", leader).orThrow();
        int ordinal = Integer.parseInt(leader.substring(leader.lastIndexOf('-') + 1));
        play(rendering, ordinal, ips.get(ordinal), configMap);
        await("the pod made again rejoins as a follower").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(IOException.class)
                .untilAsserted(() -> {
                    JsonNode back = status(urls.get(leader));
                    assertThat(back.path("role").asText()).isEqualTo("FOLLOWER");
                    assertThat(back.path("leader").asText()).isEqualTo(next);
                });

        // A backup, then a pod replaced with an empty state volume: it restores that backup from the shared store.
        URI backupUri = URI.create(urls.get(next) + "/br2k/backup");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(backupUri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("a backup without the admin token (the Secret mounted as a file)").isEqualTo(401);
        HttpResponse<String> backup = http.send(HttpRequest.newBuilder(backupUri).header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(backup.statusCode()).as(backup.body()).isEqualTo(202);
        long version = await("the backup is recorded").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> status(urls.get(next)), s -> !s.path("lastBackup").isNull() && s.path("stateVersion").asLong() >= 2)
                .path("stateVersion").asLong();
        String replaced = urls.keySet().stream().filter(p -> !p.equals(next)).findFirst().orElseThrow();
        podman.run("pod", "rm", "-f", "-t", "0", replaced).orThrow();
        podman.run("volume", "rm", "state-" + replaced).orThrow();
        int replacedOrdinal = Integer.parseInt(replaced.substring(replaced.lastIndexOf('-') + 1));
        play(rendering, replacedOrdinal, ips.get(replacedOrdinal), configMap);
        await("the replaced pod restores state version " + version + " from the shared backup and follows")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class)
                .untilAsserted(() -> {
                    JsonNode back = status(urls.get(replaced));
                    assertThat(back.path("problem").isNull()).as("problem: %s", back.path("problem")).isTrue();
                    assertThat(back.path("role").asText()).isEqualTo("FOLLOWER");
                    assertThat(back.path("replicaStateVersion").asLong()).isEqualTo(version);
                });
        assertThat(podman.run("logs", replaced + "-service").out() + podman.run("logs", replaced + "-service").err())
                .contains("restoring backup version " + version);
    }

    /** What the kubelet does with a Secret volume: each key a file, readable by the pod's non-root user. */
    private Map<String, Path> secretFiles(DeploymentContext ctx) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        for (io.fabric8.kubernetes.api.model.Secret secret : client.secrets().inNamespace(ctx.namespace()).list().getItems()) {
            Path secretDir = Files.createDirectories(dir.resolve("secrets").resolve(secret.getMetadata().getName()));
            for (Map.Entry<String, String> e : secret.getData().entrySet()) {
                Path file = secretDir.resolve(e.getKey());
                Files.write(file, java.util.Base64.getDecoder().decode(e.getValue()));
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
            }
            Files.setPosixFilePermissions(secretDir, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
            out.put(secret.getMetadata().getName(), secretDir);
        }
        return out;
    }

    private void play(StatefulSetPods rendering, int ordinal, String ip, Path configMap) throws IOException {
        Path yaml = dir.resolve(rendering.podName(ordinal) + ".yaml");
        Files.writeString(yaml, rendering.podYaml(ordinal));
        podman.run(Duration.ofMinutes(2), "kube", "play", "--network", network, "--ip", ip, "--configmap", configMap.toString(),
                yaml.toString()).orThrow();
    }

    private void buildServiceImage() throws IOException {
        InfoDidImage.buildAndLoad(dir, podman, image.substring("localhost/".length(), image.lastIndexOf(':')));
    }

    private DeploymentContext context() throws IOException {
        Path file = dir.resolve("context.yaml");
        Files.writeString(file, """
                name: pods
                service: %s
                apiServer: %s
                token: test-token
                namespace: br2k
                networkId: 31337
                protocol: HTTP
                port: %d
                stateMountPath: /var/lib/br2k
                etcdMountPath: /var/lib/etcd
                image: %s
                etcdImage: %s
                replicas: 3
                maxReplicas: 5
                """.formatted(service, client.getMasterUrl(), PORT, image, etcdImage));
        return DeploymentContextParser.parse(file);
    }

    /** Three addresses of the network podman chose a subnet for (.10, .11, …). */
    private Map<Integer, String> ipsOnNetwork(int count) {
        String inspect = podman.run("network", "inspect", network).orThrow().out();
        Matcher m = Pattern.compile("\"subnet\"\\s*:\\s*\"(\\d+\\.\\d+\\.\\d+)\\.0/24\"").matcher(inspect);
        assertThat(m.find()).as("a /24 subnet in %s", inspect).isTrue();
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            out.put(i, m.group(1) + "." + (10 + i));
        }
        return out;
    }

    private String awaitOneLeader(String alias, Map<String, String> urls, Duration timeout) {
        AtomicReference<String> found = new AtomicReference<>("");
        await(alias).atMost(timeout).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, JsonNode> statuses = statuses(urls);
            found.set(oneLeader(statuses, urls.size()));
            assertThat(found.get()).as("statuses: %s", statuses).isNotEmpty();
        });
        return found.get();
    }

    /** The pod whose replica says LEADER, once every pod answers, exactly one leads and the others follow it. */
    private static String oneLeader(Map<String, JsonNode> statuses, int pods) {
        List<String> leaders = statuses.entrySet().stream()
                .filter(e -> "LEADER".equals(e.getValue().path("role").asText())).map(Map.Entry::getKey).toList();
        if (leaders.size() != 1 || statuses.size() != pods) {
            return "";
        }
        String leader = leaders.get(0);
        boolean following = statuses.entrySet().stream().filter(e -> !e.getKey().equals(leader))
                .allMatch(e -> "FOLLOWER".equals(e.getValue().path("role").asText()) && leader.equals(e.getValue().path("leader").asText()));
        return following ? leader : "";
    }

    private Map<String, JsonNode> statuses(Map<String, String> urls) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        urls.forEach((pod, url) -> {
            try {
                out.put(pod, status(url));
            } catch (IOException e) {
                // not answering (yet, or any more)
            }
        });
        return out;
    }

    private JsonNode status(String url) throws IOException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/br2k/status")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("status " + r.statusCode());
            }
            return JSON.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
