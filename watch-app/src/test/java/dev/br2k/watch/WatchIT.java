package dev.br2k.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.cluster.ReplicaPhase;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.status.ReplicaStatusClient;
import dev.br2k.cluster.ServiceState;
import dev.br2k.registry.RegistryClient;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.dashboard.ClaimItem;
import dev.br2k.watch.dashboard.ServiceItem;
import dev.br2k.watch.logs.LogEntry;
import dev.br2k.watch.logs.LogView;
import dev.br2k.watch.replication.LeaderChange;
import dev.br2k.watch.replication.ReplicationChart;
import dev.br2k.watch.service.ReplicaGrid;
import dev.br2k.watch.shell.MainWindow;
import dev.br2k.watch.task.FxTaskExecutor;
import dev.br2k.watch.testing.Fx;
import dev.br2k.watch.service.StepRow;
import dev.br2k.watch.testing.WatchSandbox;
import dev.br2k.watch.testing.WatchWindow;
import dev.br2k.testkit.Anvil;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "must show" list of the Watch, through its window (headless Monocle), against a real anvil
 * with the ServiceRegistry and a real LocalCluster of the sample KvService (1 to 2 replicas).
 * The tests run in order on one window, as an operator's session would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchIT {

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    @TempDir
    static Path dir;

    static WatchSandbox sandbox;
    static FxTaskExecutor executor;
    static WatchWindow shown;
    static MainWindow window;
    static Instant recoveryPressed = Instant.MAX;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startTheSandboxAndTheWindow() throws Exception {
        sandbox = WatchSandbox.start(anvil, dir, 1, 2);
        executor = new FxTaskExecutor();
        shown = WatchWindow.open(sandbox.services(executor, Duration.ofMillis(800)), sandbox.profile());
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
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    @Order(1)
    void a_wrong_password_shows_the_message_and_no_dashboard() {
        type("#password", "not the password");
        robot.clickOn("#login");

        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> robot.lookup("#loginError").query().isVisible()));
        assertThat(Fx.get(() -> window.login().errorProperty().get())).startsWith("Wrong password");
        assertThat(Fx.get(() -> window.dashboard())).isNull();
        assertThat(robot.lookup("#services").tryQuery()).isEmpty();
    }

    @Test
    @Order(2)
    void logging_in_with_the_keystore_lists_exactly_the_accounts_services() {
        type("#password", WatchSandbox.PASSWORD);
        javafx.scene.control.TextInputControl password = robot.lookup("#password").queryTextInputControl();
        robot.clickOn("#login");

        await().atMost(60, TimeUnit.SECONDS).until(() -> robot.lookup("#services").tryQuery().isPresent()
                && Fx.get(() -> window.dashboard().loadedProperty().get()));
        List<String> names = Fx.get(() -> window.dashboard().items().stream().map(ServiceItem::name).toList());
        assertThat(names).containsExactly("kv", "ledger");
        TableView<?> table = robot.lookup("#services").queryTableView();
        assertThat(Fx.get(() -> table.getItems().size())).isEqualTo(2);
        String left = Fx.get(password::getText);
        assertThat(left).as("the password is not kept in the field").isEmpty();
    }

    @Test
    @Order(3)
    void a_location_change_by_the_leader_appears_without_a_restart() {
        String url = "http://127.0.0.1:" + (20000 + (int) (Math.random() * 10000)) + "/";
        sandbox.publishLocation(url);

        await().atMost(30, TimeUnit.SECONDS).until(() -> Fx.get(() -> window.dashboard().item("kv").orElseThrow().location()),
                url::equals);
    }

    @Test
    @Order(4)
    void selecting_a_replica_streams_its_log_lines() {
        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> kv().health()) == Health.HEALTHY);
        openKv();
        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> robot.lookup("#replicas").queryAs(ReplicaGrid.class).rowBounds("kv-0").isPresent()));
        ReplicaGrid grid = robot.lookup("#replicas").queryAs(ReplicaGrid.class);
        robot.clickOn(Fx.get(() -> grid.localToScreen(grid.rowBounds("kv-0").orElseThrow())));

        LogView logs = robot.lookup("#logList").queryAs(LogView.class);
        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> logs.shownRows().stream().filter(e -> !e.notice()).count()) > 0);
        assertThat(Fx.get(() -> logs.shownRows().stream().map(LogEntry::replica).distinct().toList())).containsExactly("kv-0");
    }

    @Test
    @Order(5)
    void add_raises_the_replica_count_in_processes_etcd_and_the_registry_and_stops_at_the_maximum() {
        assertThat(enabled("#reduce")).as("REDUCE at one replica").isFalse();
        await().atMost(30, TimeUnit.SECONDS).until(() -> enabled("#add"));

        robot.clickOn("#add");

        await().atMost(180, TimeUnit.SECONDS).until(() -> sandbox.manager().service(sandbox.serviceId()).replicaCount() == 2);
        ServiceState state = sandbox.cluster().state();
        assertThat(state.replicas()).hasSize(2);
        assertThat(state.replicas()).allMatch(r -> r.phase() == ReplicaPhase.RUNNING);
        assertThat(state.members()).hasSize(2);
        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> kv().replicaCount() == 2 && kv().health() == Health.HEALTHY));
        assertThat(enabled("#add")).as("ADD at the registered maximum").isFalse();
        assertThat(enabled("#reduce")).isTrue();
        ReplicationChart chart = robot.lookup("#replicationChart").query();
        await().atMost(10, TimeUnit.SECONDS).until(() -> Fx.get(chart::markerLabels), labels -> labels.contains("ADD"));
    }

    @Test
    @Order(6)
    void a_failover_of_the_leader_appears_on_the_timeline_with_the_duration_the_replicas_reported() throws Exception {
        await().atMost(60, TimeUnit.SECONDS).until(() -> sandbox.cluster().state().leader().isPresent()
                && Fx.get(() -> kv().health()) == Health.HEALTHY);
        ReplicationChart chart = robot.lookup("#replicationChart").query();
        ServiceState before = sandbox.cluster().state();
        String leader = before.leader().orElseThrow().name();

        // Requests to the leader show on the charts as requests/s and p50/p99 latency, read from its /metrics.
        URI leaderUrl = URI.create(before.leader().flatMap(ReplicaState::status).flatMap(ReplicaStatus::leaderUrl).orElseThrow());
        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger sent = new AtomicInteger();
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (int i = 0; i < 5; i++) {
                int n = sent.incrementAndGet();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(leaderUrl.resolve("/kv/k" + n))
                        .PUT(HttpRequest.BodyPublishers.ofString("v" + n)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            return Fx.get(() -> window.servicePage().charts().traffic().stream()
                    .anyMatch(t -> t.requestsPerSecond() > 0 && t.p50Millis().isPresent() && t.p99Millis().isPresent()));
        });
        assertThat(Fx.get(chart::describe)).containsPattern("[0-9.]+ requests a second, p50 [0-9]+ ms, p99 [0-9]+ ms");
        // The leader's service process dies; its etcd member lives on, so the other replica can take over.
        JsonNode replicas = new ObjectMapper().readTree(sandbox.cluster().layout().root().resolve("cluster.json").toFile())
                .get("replicas");
        Map<String, URI> statusUrls = new LinkedHashMap<>();
        long leaderPid = -1;
        for (JsonNode r : replicas) {
            statusUrls.put(r.get("name").asText(), URI.create("http://127.0.0.1:" + r.get("httpPort").asInt()));
            if (r.get("name").asText().equals(leader)) {
                leaderPid = r.get("service").get("pid").asLong();
            }
        }
        ProcessHandle.of(leaderPid).orElseThrow().destroyForcibly();

        // What the replicas report, read every 50 ms: from the first read in which none leads to the first in which one does.
        ReplicaStatusClient status = new ReplicaStatusClient(Duration.ofMillis(500));
        AtomicReference<Instant> leaderless = new AtomicReference<>();
        AtomicReference<LeaderChange> reported = new AtomicReference<>();
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(50)).until(() -> {
            Optional<String> leading = statusUrls.entrySet().stream()
                    .filter(e -> status.read(e.getValue()).map(ReplicaStatus::isLeader).orElse(false))
                    .map(Map.Entry::getKey).findFirst();
            Instant at = Instant.now();
            if (leading.isEmpty()) {
                leaderless.compareAndSet(null, at);
            } else if (leaderless.get() != null) {
                reported.set(new LeaderChange(at, Optional.of(leader), leading.get(), Duration.between(leaderless.get(), at)));
            }
            return reported.get() != null;
        });
        LeaderChange truth = reported.get();

        await().atMost(30, TimeUnit.SECONDS).until(() -> Fx.get(() -> window.servicePage().charts().leaderChanges().stream()
                .anyMatch(c -> c.failover() && c.at().isAfter(truth.leaderlessSince().minusSeconds(1)))));
        LeaderChange shown = Fx.get(() -> window.servicePage().charts().leaderChanges().stream()
                .filter(c -> c.failover()).reduce((a, b) -> b).orElseThrow());
        System.out.printf("failover of %s: the replicas reported %d ms without leader, the timeline shows %d ms (%s)%n",
                leader, truth.leaderless().toMillis(), shown.leaderless().toMillis(), shown.leader());
        assertThat(shown.leader()).isEqualTo(truth.leader());
        assertThat(shown.leaderless()).as("the failover's duration on the timeline, the replicas reported %s", truth.leaderless())
                .isBetween(truth.leaderless().minusMillis(500), truth.leaderless().plusMillis(500));
        await().atMost(10, TimeUnit.SECONDS).until(() -> Fx.get(chart::markerLabels),
                labels -> labels.contains(shown.leader() + " after " + shown.durationText()));

        // Leave the service as the next tests expect it: two healthy replicas.
        await().atMost(60, TimeUnit.SECONDS).until(() -> enabled("#recover"));
        robot.clickOn("#recover");
        await().atMost(180, TimeUnit.SECONDS).until(() -> Fx.get(() -> kv().health()) == Health.HEALTHY);
    }

    @Test
    @Order(7)
    void reduce_lowers_the_replica_count_and_stops_at_one() {
        robot.clickOn("#reduce");

        await().atMost(180, TimeUnit.SECONDS).until(() -> sandbox.manager().service(sandbox.serviceId()).replicaCount() == 1);
        ServiceState state = sandbox.cluster().state();
        assertThat(state.members()).hasSize(1);
        assertThat(state.replicas().stream().filter(r -> r.phase() == ReplicaPhase.RUNNING)).hasSize(1);
        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> kv().replicaCount() == 1 && kv().health() == Health.HEALTHY));
        assertThat(enabled("#reduce")).as("REDUCE at one replica").isFalse();
        assertThat(enabled("#add")).isTrue();
    }

    @Test
    @Order(8)
    void recovery_is_enabled_only_while_faulty_and_returns_a_killed_replica_to_healthy() {
        assertThat(enabled("#recover")).as("RECOVERY while healthy").isFalse();

        sandbox.cluster().kill("kv-0");

        await().atMost(60, TimeUnit.SECONDS).until(() -> enabled("#recover"));
        assertThat(enabled("#add")).as("ADD while faulty").isFalse();
        assertThat(Fx.get(() -> robot.lookup("#problems").query().isVisible())).as("the problems are shown").isTrue();
        recoveryPressed = Instant.now();
        robot.clickOn("#recover");

        await().atMost(180, TimeUnit.SECONDS).until(() -> Fx.get(() -> kv().health()) == Health.HEALTHY);
        assertThat(sandbox.cluster().state().faulty()).isFalse();
        assertThat(Fx.get(() -> window.servicePage().steps())).isNotEmpty();
        assertThat(enabled("#recover")).isFalse();
    }

    @Test
    @Order(9)
    void after_a_replica_is_killed_and_recovered_its_new_lines_keep_arriving_in_the_log_pane_without_user_action() {
        // kv-0's log has been in the pane since it was selected; order 7 killed and recovered it. Nobody pressed Reconnect.
        LogView logs = robot.lookup("#logList").queryAs(LogView.class);
        assertThat(Fx.get(() -> window.servicePage().logs().targetProperty().get())).isEqualTo("kv-0");
        int restarts = sandbox.cluster().state().replicas().get(0).restarts();
        assertThat(restarts).isPositive();

        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> window.servicePage().logs().visibleLines().stream().anyMatch(e -> e.notice()
                && e.text().equals("reconnected to kv-0 (restart " + restarts + ")"))));
        // Follow is on: the newest lines, written after RECOVERY, are the ones drawn.
        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> logs.shownRows().stream().anyMatch(e -> !e.notice()
                && e.timestamp().isPresent() && e.timestamp().get().isAfter(recoveryPressed))));
    }

    @Test
    @Order(10)
    void a_claim_sent_by_another_account_appears() {
        try (RegistryClient user = RegistryClient.connect(anvil.rpcUrl(), sandbox.manager().registryAddress(), anvil.account(2))) {
            user.sendClaim(sandbox.serviceId(), "kv answers 503 since 10:02");
        }

        await().atMost(30, TimeUnit.SECONDS).until(() -> Fx.get(() -> window.servicePage().claims().size()) == 1);
        ClaimItem claim = Fx.get(() -> window.servicePage().claims().get(0));
        assertThat(claim.claimant()).isEqualToIgnoringCase(anvil.account(2).getAddress());
        assertThat(claim.reason()).isEqualTo("kv answers 503 since 10:02");
        assertThat(Fx.get(() -> window.notices().all().stream().anyMatch(n -> n.title().contains("Claim")))).isTrue();
    }

    @Test
    @Order(11)
    void an_add_whose_transaction_would_revert_changes_nothing_in_the_cluster_and_says_why() {
        // Another device hands kv over to account 2; this Watch still shows kv's page and its ADD.
        String next = anvil.account(2).getAddress();
        sandbox.manager().transferManager(sandbox.serviceId(), next);
        try (RegistryClient newManager = RegistryClient.connect(anvil.rpcUrl(), sandbox.manager().registryAddress(), anvil.account(2))) {
            newManager.acceptManager(sandbox.serviceId());
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> Fx.get(() -> window.dashboard().item("kv").isEmpty()));
        assertThat(enabled("#add")).as("the page still offers ADD").isTrue();

        robot.clickOn("#add");

        await().atMost(60, TimeUnit.SECONDS).until(() -> Fx.get(() -> robot.lookup("#operationError").tryQuery()
                .map(Node::isVisible).orElse(false)));
        assertThat(Fx.get(() -> window.servicePage().errorProperty().get())).contains("nothing was changed")
                .contains("only the manager of kv").containsIgnoringCase(next).contains("manager's keystore");
        assertThat(Fx.get(() -> window.servicePage().steps()).stream().map(StepRow::step).toList())
                .containsExactly("chain: check kv on the service registry");
        ServiceState state = sandbox.cluster().state();
        assertThat(state.desiredReplicas()).isEqualTo(1);
        assertThat(state.members()).hasSize(1);
        assertThat(sandbox.manager().service(sandbox.serviceId()).replicaCount()).isEqualTo(1);
    }

    /** Focuses the field like a user and sets its text (the robot's key-by-key typing is slow on Monocle). */
    private static void type(String id, String text) {
        robot.clickOn(id);
        Fx.run(() -> robot.lookup(id).queryTextInputControl().setText(text));
    }

    private static ServiceItem kv() {
        return window.dashboard().item("kv").orElseThrow();
    }

    private static void openKv() {
        Fx.run(() -> window.openService(kv()));
        await().atMost(20, TimeUnit.SECONDS).until(() -> robot.lookup("#replicas").tryQuery().isPresent()
                && robot.lookup("#logList").tryQuery().isPresent()); // the page attaches its parts over a few pulses
    }

    private static boolean enabled(String id) {
        return Fx.get(() -> {
            Node n = robot.lookup(id).query();
            return n instanceof Button b && !b.isDisabled();
        });
    }
}
