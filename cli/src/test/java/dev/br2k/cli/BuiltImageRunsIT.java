package dev.br2k.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.Podman;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image {@code br2k build} makes for InfoDID is run by a real container runtime (podman, runc):
 * the jlink'd Java starts on the base layer's glibc as a non-root user, writes its temporary files
 * under /tmp, joins an etcd on the host's loopback and answers {@code /br2k/status} as the leader.
 */
class BuiltImageRunsIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(1).build();

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Podman podman;
    final String name = "br2k-it-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeContainerAndImage() {
        if (podman != null) {
            podman.run("rm", "-f", "-t", "0", name);
            podman.run("rmi", "-f", "localhost/" + name + ":it");
        }
    }

    @Test
    void the_built_infodid_image_runs_as_a_non_root_user_and_answers_its_status() throws Exception {
        podman = Podman.in(dir.resolve("podman"));
        InfoDidImage.buildAndLoad(dir, podman, name);
        assertLayersHoldWhatTheRuntimeAndTheLicencesNeed("localhost/" + name + ":it");

        int port = freePort();
        podman.run("run", "-d", "--name", name, "--network", "host",
                "-e", "BR2K_REPLICA_ID=r1",
                "-e", "BR2K_ETCD_ENDPOINTS=" + etcd.endpoints(),
                "-e", "BR2K_HTTP_PORT=" + port,
                "-e", "BR2K_STATE_DIR=/tmp/state",
                "-e", "BR2K_BACKUP_DIR=/tmp/backups",
                "localhost/" + name + ":it").orThrow();

        HttpClient http = HttpClient.newHttpClient();
        URI status = URI.create("http://127.0.0.1:" + port + "/br2k/status");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
            assertThat(podman.run("inspect", "--format", "{{.State.Status}}", name).out().strip())
                    .as("container state; its log: %s", podman.run("logs", name).err()).isEqualTo("running");
            HttpResponse<String> r = send(http, status);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).path("role").asText()).isEqualTo("LEADER");
        });
        JsonNode body = JSON.readTree(send(http, status).body());
        assertThat(body.path("id").asText()).isEqualTo("r1");
        assertThat(podman.run("top", name, "user", "comm").orThrow().out()).contains("br2k").doesNotContain("root");

        // The leader-label sidecar of the Kubernetes pods runs from the same image: its classes load, it checks its
        // settings, says what is missing and keeps trying (it never exits: the kubelet would crash-loop it).
        String sidecar = name + "-sidecar";
        podman.run("run", "-d", "--name", sidecar, "--network", "none", "--entrypoint", "/opt/java/bin/java",
                "localhost/" + name + ":it", "-cp", "/opt/br2k/leader-label", "dev.br2k.cluster.kubernetes.leaderlabel.LeaderLabeller")
                .orThrow();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(podman.run("logs", sidecar).err()).contains("leader-label: starting")
                            .contains("is not set: the leader-label sidecar runs in a BR2K pod")
                            .contains("trying again in 2 s").doesNotContain("ClassNotFoundException", "NoClassDefFoundError"));
            assertThat(podman.run("inspect", "--format", "{{.State.Status}}", sidecar).out().strip())
                    .as("the sidecar after failing twice").isEqualTo("running");
        } finally {
            podman.run("rm", "-f", "-t", "0", sidecar);
        }
    }

    /** The image's files, read through podman's mount of it: modes, the base layer's libraries and licences. */
    private void assertLayersHoldWhatTheRuntimeAndTheLicencesNeed(String image) throws IOException {
        Path root = Path.of(podman.run("image", "mount", image).orThrow().out().strip());
        try {
            assertThat(Files.isExecutable(root.resolve("opt/java/bin/java"))).as("bin/java executable").isTrue();
            assertThat(Files.getPosixFilePermissions(root.resolve("tmp")))
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE);
            assertThat(root.resolve("lib64/ld-linux-x86-64.so.2")).isRegularFile();
            for (String lib : new String[] {"libc.so.6", "libm.so.6", "libz.so.1", "libstdc++.so.6", "libgcc_s.so.1", "libpthread.so.0"}) {
                assertThat(root.resolve("lib/x86_64-linux-gnu/" + lib)).as(lib).isRegularFile();
            }
            assertThat(Files.readString(root.resolve("etc/passwd"))).contains("br2k:x:10001:10001:");
            String packages = Files.readString(root.resolve("usr/share/doc/br2k-base-layer/packages.txt"));
            for (String pkg : new String[] {"libc6", "zlib1g", "libstdc++6", "libgcc-s1"}) {
                assertThat(packages).as("packages list").containsPattern("(?m)^" + java.util.regex.Pattern.quote(pkg) + "(:amd64)? \\S+");
                assertThat(root.resolve("usr/share/doc/" + pkg + "/copyright")).as(pkg + " copyright").isRegularFile();
            }
        } finally {
            podman.run("image", "unmount", image);
        }
    }

    private static HttpResponse<String> send(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
