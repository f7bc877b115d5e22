package dev.br2k.cluster.local;

import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressEvent;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.ReplicaPhase;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ServiceState;
import dev.br2k.replication.location.FileLocationPublisher;
import dev.br2k.replication.location.LeaderTerm;
import dev.br2k.testkit.DirectoryTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One local service of real processes (etcd + KvService per replica), walked through the operations
 * a user runs, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {

    static final Duration PATIENCE = Duration.ofMinutes(3);
    static Path base;
    static LocalCluster cluster;
    static Thread reaper;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        base = Files.createTempDirectory("br2k-local-it");
        LaunchSpec spec = KvServiceLaunch.spec();
        cluster = LocalCluster.builder().baseDir(base).service("kv").launch(spec)
                .maxReplicas(5).startTimeout(PATIENCE).build();
        // Nothing this test starts may outlive the JVM, whatever happens to the test.
        reaper = new Thread(() -> cluster.destroy(e -> { }), "local-cluster-it-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    @AfterAll
    static void stop() {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
            cluster.destroy(e -> { });
            Files.deleteIfExists(base);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
    }

    @Test
    @Order(1)
    void deploy_starts_three_replicas_that_elect_a_leader() {
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        OperationResult r = cluster.deploy(3, events::add);

        assertThat(r.replicasAfter()).isEqualTo(3);
        assertThat(events).extracting(ProgressEvent::step).contains("start etcd kv-0", "start service kv-2",
                "wait for kv-1 to answer");
        awaitHealthy(3);
        ServiceState s = cluster.state();
        assertThat(s.members()).hasSize(3).allMatch(MemberInfo::started);
        assertThat(s.replicas()).allSatisfy(rep -> {
            assertThat(rep.memberId()).isPresent();
            assertThat(rep.status()).isPresent();
        });
        assertThat(s.keys()).hasValueSatisfying(k -> assertThat(k.leader()).contains(s.leader().orElseThrow().name()));
    }

    @Test
    @Order(2)
    void the_replicas_admin_routes_answer_only_the_token_of_the_services_0600_token_file() throws Exception {
        Path file = base.resolve("kv").resolve("admin-token");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String token = Files.readString(file).strip();
        assertThat(token).matches("[0-9a-f]{64}");

        URI metrics = URI.create(leaderUrl() + "/metrics");
        HttpResponse<String> without = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(without.statusCode()).as(without.body()).isEqualTo(401);
        HttpResponse<String> with = http.send(HttpRequest.newBuilder(metrics).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        assertThat(with.body()).contains("br2k_lpi");
    }

    @Test
    @Order(2)
    void a_second_deploy_changes_nothing() {
        assertThat(cluster.deploy(3, e -> { }).unchanged()).isTrue();
    }

    @Test
    @Order(3)
    void a_killed_replica_is_reported_and_recovery_brings_it_back_in_step() throws Exception {
        put("before", "1");
        String victim = cluster.state().replicas().stream().filter(r -> !r.status().orElseThrow().isLeader())
                .map(ReplicaState::name).findFirst().orElseThrow();
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        List<String> gaps = new CopyOnWriteArrayList<>();
        LogStream stream = cluster.logs(victim, LogOptions.builder().tailLines(0).build(), new LogListener() {
            @Override
            public void onLine(LogLine line) {
                lines.add(line);
            }

            @Override
            public void onGap(String reason) {
                gaps.add(reason);
            }
        });
        try {
            cluster.kill(victim);

            ServiceState down = cluster.state();
            assertThat(down.replica(victim)).hasValueSatisfying(r -> {
                assertThat(r.phase()).isEqualTo(ReplicaPhase.FAILED);
                assertThat(r.detail()).contains("etcd and service exited");
            });
            assertThat(down.problems()).anyMatch(p -> p.startsWith(victim + " is failed"));
            put("while-down", "2");

            OperationResult r = cluster.recover(RecoverySource.NONE, e -> { });

            assertThat(r.changes()).contains("start etcd " + victim, "start service " + victim);
            awaitHealthy(3);
            assertThat(cluster.state().replica(victim).orElseThrow().restarts()).isEqualTo(1);
            await().atMost(PATIENCE).untilAsserted(() -> {
                ServiceState s = cluster.state();
                long ssi = s.keys().orElseThrow().serviceState();
                assertThat(s.replica(victim).orElseThrow().status().orElseThrow().lpi()).isEqualTo(ssi);
            });
            // The stream followed the replica into its new process: the restart's lines arrive, nothing is reported lost.
            await().atMost(Duration.ofSeconds(60)).until(() -> lines.stream().anyMatch(l -> l.text().contains("[" + victim)));
            assertThat(gaps).isEmpty();
            assertThat(lines).extracting(LogLine::sequence).startsWith(1L);
            assertThat(lines).allSatisfy(l -> assertThat(l.replica()).isEqualTo(victim));
        } finally {
            stream.close();
        }
        List<LogLine> previous = new CopyOnWriteArrayList<>();
        try (LogStream prev = cluster.logs(victim, LogOptions.builder().previous(true).allLines().build(), previous::add)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !prev.isOpen());
        }
        assertThat(previous).isNotEmpty();
    }

    @Test
    @Order(4)
    void add_brings_the_service_to_four_etcd_members_and_reduce_back_to_three() throws Exception {
        OperationResult added = cluster.add(1, e -> { });

        assertThat(added.replicasAfter()).isEqualTo(4);
        assertThat(added.changes()).containsSubsequence("etcd member add kv-3", "start etcd kv-3 joining the cluster",
                "start service kv-3");
        assertThat(members()).hasSize(4).extracting(MemberInfo::name).contains("kv-3");
        awaitHealthy(4);
        put("after-add", "3");
        await().atMost(PATIENCE).untilAsserted(() -> {
            ServiceState s = cluster.state();
            assertThat(s.replica("kv-3").orElseThrow().status().orElseThrow().lpi())
                    .isEqualTo(s.keys().orElseThrow().serviceState());
        });

        OperationResult reduced = cluster.reduce(1, e -> { });

        assertThat(reduced.replicasAfter()).isEqualTo(3);
        // A removed member's etcd shuts itself down; the stop step then finds nothing left to stop.
        assertThat(reduced.changes()).containsSubsequence("etcd member remove kv-3", "stop service kv-3", "delete data of kv-3");
        assertThat(members()).hasSize(3).extracting(MemberInfo::name).doesNotContain("kv-3");
        assertThat(cluster.state().replicas()).extracting(ReplicaState::name).containsExactly("kv-0", "kv-1", "kv-2");
        assertThat(Files.exists(cluster.layout().replicaDir("kv-3"))).isFalse();
        awaitHealthy(3);
    }

    @Test
    @Order(5)
    void pause_stops_every_process_and_deploy_resumes_with_the_data() throws Exception {
        cluster.pause(e -> { });

        ServiceState paused = cluster.state();
        assertThat(paused.paused()).isTrue();
        assertThat(paused.replicas()).extracting(ReplicaState::phase).containsOnly(ReplicaPhase.STOPPED);
        assertThat(paused.problems()).isEmpty();

        // Another JVM (the CLI's next command) finds the cluster through its state file.
        try (LocalCluster reopened = LocalCluster.open(base, "kv")) {
            reopened.deploy(3, e -> { });
        }
        awaitHealthy(3);
        assertThat(get("before")).isEqualTo("1");
        assertThat(get("while-down")).isEqualTo("2");
    }

    @Test
    @Order(6)
    void a_vanished_service_is_redeployed_from_the_registrys_plan_setting_only_variables_the_runtime_reads() throws Exception {
        cluster.destroy(e -> { });
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        RecoverySource registry = service -> java.util.Optional.of(new dev.br2k.cluster.RecoveryPlan(service, 3,
                java.util.Optional.empty(), java.util.Optional.of("backup-7")));

        cluster.recover(registry, events::add);

        awaitHealthy(3);
        java.util.Set<String> read = new java.util.HashSet<>(dev.br2k.replication.Br2kEnvironment.VARIABLES);
        read.add("BR2K_LOG_FILE"); // read by the service's own logging set-up (InfoDID's ServiceLogging)
        for (ReplicaState r : cluster.state().replicas()) {
            long pid = Long.parseLong(pidOf(r.name()));
            String environ = Files.readString(Path.of("/proc/" + pid + "/environ")).replace('\0', '\n');
            List<String> set = environ.lines().filter(l -> l.startsWith("BR2K_")).map(l -> l.substring(0, l.indexOf('='))).toList();
            assertThat(set).as("variables of %s's process", r.name()).isNotEmpty().allSatisfy(v -> assertThat(read).contains(v));
        }
        assertThat(events).extracting(ProgressEvent::step)
                .anySatisfy(step -> assertThat(step).contains("backup-7").contains("starts empty"));
    }

    @Test
    @Order(7)
    void a_service_whose_etcd_data_vanished_is_recovered_from_its_newest_backup_and_its_new_leader_replaces_the_old_location()
            throws Exception {
        Path locationFile = base.resolve("kv/location");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> FileLocationPublisher.read(locationFile)
                .filter(l -> l.url().toString().equals(leaderUrl())).isPresent());
        LeaderTerm before = FileLocationPublisher.read(locationFile).orElseThrow().term();
        put("kept", "5");
        backUp();
        // every process dies and every etcd data directory is lost; the service's directory (and its location file) stays
        for (ReplicaState r : cluster.state().replicas()) {
            for (String process : List.of("service", "etcd")) {
                ProcessHandle.of(Long.parseLong(pidOf(r.name(), process))).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        await().atMost(PATIENCE).until(() -> cluster.state().replicas().stream().noneMatch(r -> isAlive(r.name())));
        for (ReplicaState r : cluster.state().replicas()) {
            DirectoryTree.delete(new LocalLayout(base.resolve("kv")).etcdData(r.name()));
        }
        RecoverySource registry = service -> java.util.Optional.of(new dev.br2k.cluster.RecoveryPlan(service, 3,
                java.util.Optional.empty(), java.util.Optional.empty()));

        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        cluster.recover(registry, events::add);

        awaitHealthy(3);
        assertThat(get("kept")).as("a value the backup holds, back on the new etcd").isEqualTo("5");
        assertThat(events).extracting(ProgressEvent::step)
                .anySatisfy(step -> assertThat(step).contains("restore the newest backup").doesNotContain("starts empty"));
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            FileLocationPublisher.Location now = FileLocationPublisher.read(locationFile).orElseThrow();
            assertThat(now.url()).hasToString(leaderUrl());
            assertThat(now.term().clusterId()).as("the new etcd cluster's id (the old one's: %s)", before).isNotEqualTo(before.clusterId());
        });
    }

    private static boolean isAlive(String replica) {
        try {
            for (String process : List.of("service", "etcd")) {
                if (ProcessHandle.of(Long.parseLong(pidOf(replica, process))).map(ProcessHandle::isAlive).orElse(false)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the processes of " + replica + ": " + e, e);
        }
    }

    private static String pidOf(String replica) throws Exception {
        return pidOf(replica, "service");
    }

    private static String pidOf(String replica, String process) throws Exception {
        String json = Files.readString(base.resolve("kv/cluster.json"));
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        for (var r : node.path("replicas")) {
            if (r.path("name").asText().equals(replica)) {
                return r.path(process).path("pid").asText();
            }
        }
        throw new AssertionError("no replica " + replica + " in " + json);
    }

    static List<MemberInfo> members() {
        return cluster.state().members();
    }

    static void awaitHealthy(int replicas) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            ServiceState s = cluster.state();
            assertThat(s.replicas()).hasSize(replicas).extracting(ReplicaState::phase).containsOnly(ReplicaPhase.RUNNING);
            assertThat(s.problems()).isEmpty();
        });
    }

    /** The leader's URL, once a replica says it leads (right after a deploy, one may not have taken over yet). */
    static String leaderUrl() {
        return await("a replica that leads").atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                cluster.state().replicas().stream().filter(r -> r.status().map(st -> st.isLeader()).orElse(false))
                        .findFirst().orElseThrow().status().orElseThrow().leaderUrl()
                        .orElseGet(() -> "http://127.0.0.1:" + cluster.state().leader().orElseThrow().detail()
                                .replaceAll(".*http (\\d+),.*", "$1")), url -> url != null);
    }

    /** Asks the leader for a backup (admin token) and waits until the service's backup log holds it. */
    static void backUp() throws Exception {
        Path log = new LocalLayout(base.resolve("kv")).backupLog();
        long before = Files.exists(log) ? Files.size(log) : 0;
        String token = Files.readString(base.resolve("kv").resolve("admin-token")).strip();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(leaderUrl() + "/br2k/backup"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        });
        put("after-backup-request", "1"); // the backup runs before the next request
        await("a backup in " + log).atMost(PATIENCE).until(() -> Files.exists(log) && Files.size(log) > before);
    }

    static void put(String key, String value) {
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(leaderUrl() + "/kv/" + key))
                    .timeout(Duration.ofSeconds(10)).PUT(HttpRequest.BodyPublishers.ofString(value)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        });
    }

    static String get(String key) {
        String[] out = new String[1];
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(leaderUrl() + "/kv/" + key))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            out[0] = r.body();
        });
        return out[0].contains("\"value\"") ? out[0].replaceAll(".*\"value\"\\s*:\\s*\"([^\"]*)\".*", "$1") : out[0];
    }
}
