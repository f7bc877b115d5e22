package dev.br2k.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.ServiceId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-machine path end to end: sandbox up (no window), status, the cluster commands on the
 * sandbox's local context (state, add, reduce, pause, spray, recovery), the registry's location
 * following a new leader, then down leaves nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxIT {
    @TempDir
    static Path dir;

    static CliRun br2k;
    static JsonNode profile;
    static final List<Long> pids = new ArrayList<>();

    @BeforeAll
    static void up() throws Exception {
        br2k = new CliRun(dir.resolve("home")).env("BR2K_KEYSTORE_PASSWORD", "sandbox-pw");
        CliRun.Result up = br2k.sandbox("up", "--no-watch");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(up.out()).contains("BR2K sandbox is up");
        profile = new ObjectMapper().readTree(br2k.home().resolve("sandbox.json").toFile());
        JsonNode state = new ObjectMapper().readTree(br2k.home().resolve("sandbox/state.json").toFile());
        pids.add(state.path("anvil").path("pid").asLong());
    }

    @AfterAll
    static void down() {
        CliRun.Result down = br2k.sandbox("down");
        assertThat(down.exitCode()).as(down.toString()).isZero();
    }

    @Test
    @Order(1)
    void status_reports_three_healthy_replicas_and_the_profile_has_the_endpoints() {
        CliRun.Result status = br2k.sandbox("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("3 of 3 replicas healthy").contains("healthy").containsIgnoringCase("leader")
                .contains("location: http://127.0.0.1:");

        assertThat(profile.path("rpcUrl").asText()).startsWith("http://127.0.0.1:");
        assertThat(profile.path("registryAddress").asText()).matches("0x[0-9a-fA-F]{40}");
        assertThat(Path.of(profile.path("keystorePath").asText())).isRegularFile();
        assertThat(profile.path("etcdEndpoints")).hasSize(3);
        assertThat(profile.path("replicaUrls")).hasSize(3);
    }

    @Test
    @Order(2)
    void infodid_is_registered_and_its_three_replicas_answer_with_one_leader() throws Exception {
        try (RegistryClient reader = RegistryClient.connectReadOnly(profile.path("rpcUrl").asText(),
                profile.path("registryAddress").asText())) {
            var info = reader.service(ServiceId.ofName("infodid"));
            assertThat(info.replicaCount()).isEqualTo(3);
            assertThat(info.location()).startsWith("http://127.0.0.1:");
            assertThat(info.operators()).hasSize(1).doesNotContain(info.manager());
        }
        List<String> roles = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (JsonNode url : profile.path("replicaUrls")) {
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(url.asText() + "/br2k/status"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).as(url + "/br2k/status").isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(status.body());
            assertThat(body.path("service").asText()).isEqualTo("infodid");
            roles.add(body.path("role").asText());
        }
        assertThat(roles).containsExactlyInAnyOrder("LEADER", "FOLLOWER", "FOLLOWER"); // signed requests: the next test
    }

    @Test
    @Order(2)
    void sandbox_request_round_trips_a_signed_request_through_the_location_on_the_registry() {
        CliRun.Result request = br2k.sandbox("request");
        assertThat(request.exitCode()).as(request.toString()).isZero();
        assertThat(request.out()).contains("InfoDID at " + registeredLocation() + " stored and returned the signed profile of did:ethr:0x");
    }

    @Test
    @Order(2)
    void the_replicas_log_br2k_at_info_and_libraries_only_from_warn_so_the_leader_change_is_easy_to_find() throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path log = br2k.home().resolve("sandbox/cluster/infodid/replicas/infodid-" + i + "/logs/service.log");
            all.addAll(Files.readAllLines(log));
        }
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("^\\S+ (TRACE|DEBUG|INFO|WARN|ERROR) +\\[[^]]*] (\\S+) - .*");
        List<String> noise = all.stream().filter(l -> {
            var m = line.matcher(l);
            return m.matches() && (m.group(1).equals("TRACE") || m.group(1).equals("DEBUG")
                    || m.group(1).equals("INFO") && !m.group(2).matches("(dev|d)\\.(br2k|b)\\..*"));
        }).toList();
        assertThat(noise).as("DEBUG lines, or INFO lines of libraries, in the replicas' logs").isEmpty();
        assertThat(all).as("the leader's log says so").anyMatch(l -> l.contains(" INFO ") && l.contains("is now the leader"));
    }

    @Test
    @Order(3)
    void the_cluster_commands_work_on_the_sandbox_context_and_add_and_reduce_update_the_registry() {
        CliRun.Result state = br2k.run("state");
        assertThat(state.exitCode()).as(state.toString()).isZero();
        assertThat(state.out()).contains("infodid-0").contains("infodid-2").contains("healthy");

        CliRun.Result add = br2k.run("add", "1");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.out()).contains("3 -> 4").contains("registry: replica count 3 -> 4");
        assertThat(registeredReplicas()).isEqualTo(4);
        awaitHealthy(4);

        CliRun.Result reduce = br2k.run("reduce", "1");
        assertThat(reduce.exitCode()).as(reduce.toString()).isZero();
        assertThat(reduce.out()).contains("4 -> 3").contains("registry: replica count 4 -> 3");
        assertThat(registeredReplicas()).isEqualTo(3);
        awaitHealthy(3);

        CliRun.Result pause = br2k.run("pause");
        assertThat(pause.exitCode()).as(pause.toString()).isZero();
        assertThat(br2k.run("state").out()).contains("PAUSED");

        CliRun.Result spray = br2k.run("spray");
        assertThat(spray.exitCode()).as(spray.toString()).isZero();
        awaitHealthy(3);

        CliRun.Result recovery = br2k.run("recovery");
        assertThat(recovery.exitCode()).as(recovery.toString()).isZero();
        awaitHealthy(3);
    }

    @Test
    @Order(4)
    void a_leader_killed_like_a_crash_is_followed_on_the_registry_by_the_new_leader_and_comes_back_with_recovery() {
        String before = registeredLocation();
        try (var cluster = dev.br2k.cluster.local.LocalCluster.open(br2k.home().resolve("sandbox/cluster"), "infodid")) {
            cluster.kill(cluster.state().leader().orElseThrow().name());
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(registeredLocation()).startsWith("http://127.0.0.1:").isNotEqualTo(before));
        await().atMost(Duration.ofSeconds(30)).until(() -> br2k.sandbox("status").exitCode() == ExitCode.UNHEALTHY);
        CliRun.Result recovery = br2k.run("recovery");
        assertThat(recovery.exitCode()).as(recovery.toString()).isZero();
        awaitHealthy(3);
    }

    @Test
    @Order(5)
    void up_again_is_a_no_op_that_reports_status() {
        CliRun.Result again = br2k.sandbox("up", "--no-watch");
        assertThat(again.out()).contains("up already");
    }

    static String registeredLocation() {
        try (RegistryClient reader = RegistryClient.connectReadOnly(profile.path("rpcUrl").asText(),
                profile.path("registryAddress").asText())) {
            return reader.serviceLocation(ServiceId.ofName("infodid"));
        }
    }

    static int registeredReplicas() {
        try (RegistryClient reader = RegistryClient.connectReadOnly(profile.path("rpcUrl").asText(),
                profile.path("registryAddress").asText())) {
            return reader.service(ServiceId.ofName("infodid")).replicaCount();
        }
    }

    static void awaitHealthy(int replicas) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            CliRun.Result status = br2k.sandbox("status");
            assertThat(status.out()).contains(replicas + " of " + replicas + " replicas healthy");
            assertThat(status.exitCode()).as(status.toString()).isZero();
        });
    }

    @Test
    @Order(6)
    void down_stops_every_process_and_removes_the_files() throws Exception {
        CliRun.Result down = br2k.sandbox("down");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid).isFalse();
        }
        assertThat(br2k.home().resolve("sandbox")).doesNotExist();
        assertThat(Files.exists(br2k.home().resolve("sandbox.json"))).isFalse();
        try (var ps = Files.list(Path.of("/proc"))) {
            List<String> leftovers = ps.filter(p -> p.getFileName().toString().matches("\\d+")).map(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                } catch (Exception e) {
                    return "";
                }
            }).filter(c -> c.contains(br2k.home().toString())).toList();
            assertThat(leftovers).isEmpty();
        }
        CliRun.Result status = br2k.sandbox("status");
        assertThat(status.exitCode()).isEqualTo(ExitCode.NOT_CONFIGURED);
        // bring it back for @AfterAll's down to have something to stop? No: down is idempotent.
    }
}
