package dev.br2k.watch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.common.Notices;
import dev.br2k.watch.dashboard.DashboardViewModel;
import dev.br2k.watch.dashboard.ServiceItem;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.Session;
import dev.br2k.watch.replication.ReplicationChart;
import dev.br2k.watch.replication.ReplicationSample;
import dev.br2k.watch.task.InlineTaskExecutor;
import dev.br2k.watch.testing.FakeCluster;
import dev.br2k.watch.testing.FakeRegistry;
import dev.br2k.watch.testing.Fx;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The service page in a real (headless) window, driven from the keyboard alone. */
class ServicePageViewTest {

    private final FxRobot robot = new FxRobot();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final InlineTaskExecutor executor = new InlineTaskExecutor();
    private ServicePageViewModel vm;
    private FakeCluster cluster;
    private ServiceItem item;
    private boolean backPressed;

    @BeforeEach
    void showThePage() throws Exception {
        FakeRegistry registry = new FakeRegistry(calls).with(FakeRegistry.info("kv", 2, 3, "http://127.0.0.1:1"));
        cluster = new FakeCluster("kv", 2, calls);
        ClusterDirectory clusters = name -> Optional.of(cluster);
        Session session = new Session(new Profile("t", "http://x", "0x1", "/k", ""), registry, clusters);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            DashboardViewModel dashboard = new DashboardViewModel(executor, session, new Notices());
            dashboard.start();
            dashboard.pollClusters();
            item = dashboard.item("kv").orElseThrow();
            vm = new ServicePageViewModel(executor, dashboard, item, dashboard.cluster("kv"), Duration.ofSeconds(5));
            stage.setScene(new Scene(new ServicePageView(vm, () -> backPressed = true), 1280, 800));
            stage.show();
            vm.start();
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> robot.lookup("#logList").tryQuery().isPresent()); // the parts come one per pulse
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        Fx.run(() -> vm.close());
        FxToolkit.cleanupStages();
    }

    @Test
    void add_can_be_pressed_with_the_keyboard_alone_tab_to_it_then_space() {
        Node add = robot.lookup("#add").query();
        for (int i = 0; i < 40 && !Fx.get(add::isFocused); i++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(Fx.get(add::isFocused)).as("Tab reaches ADD").isTrue();

        robot.type(KeyCode.SPACE);

        assertThat(Fx.get(() -> vm.activityProperty().get())).isEqualTo(ServicePageViewModel.Activity.PENDING);
        Fx.run(executor::runDelayed); // the 5 s in which Cancel is offered
        assertThat(calls).containsExactly("registry dry run setReplicaCount 3", "cluster add 1", "registry setReplicaCount 3");
    }

    @Test
    void alt_a_presses_add_and_ctrl_2_shows_the_second_replicas_log() {
        robot.press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        assertThat(Fx.get(() -> vm.activityProperty().get())).isEqualTo(ServicePageViewModel.Activity.PENDING);
        Fx.run(vm::cancelPending);

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertThat(Fx.get(() -> vm.logs().targetProperty().get())).isEqualTo("kv-1");

        robot.press(KeyCode.ALT).type(KeyCode.L).release(KeyCode.ALT);
        assertThat(Fx.get(() -> vm.logs().allReplicasProperty().get())).as("Alt+L: all replicas").isTrue();

        robot.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        assertThat(backPressed).as("Alt+Left: back to the services").isTrue();
    }

    @Test
    void the_faulty_banner_shown_a_second_time_holds_its_problem_and_leaves_the_replicas_in_view() {
        for (String failed : List.of("kv-1", "kv-0")) {
            cluster.fail(failed);
            Fx.run(() -> item.update(cluster.state()));
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.layout.Region banner = robot.lookup("#problems").query();
            assertThat(Fx.get(banner::isVisible)).as("banner for %s", failed).isTrue();
            assertThat(Fx.get(banner::getHeight)).as("banner height for %s", failed).isLessThan(200);
            assertThat(Fx.get(() -> ((atlantafx.base.controls.Message) banner).getDescription())).contains(failed + " is failed");
            assertThat(robot.lookup("#replicas").queryAs(javafx.scene.layout.Region.class).getHeight())
                    .as("replica grid height with the banner for %s", failed).isGreaterThan(50);

            cluster.fail(null); // recovered
            Fx.run(() -> item.update(cluster.state()));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void a_failover_fed_to_the_page_shows_on_the_leader_timeline_with_its_duration() {
        await().atMost(10, TimeUnit.SECONDS).until(() -> robot.lookup("#replicationChart").tryQuery().isPresent());
        ReplicationChart chart = robot.lookup("#replicationChart").query();
        Instant t0 = Instant.now();
        Fx.run(() -> {
            // kv-0 leads, is gone from 3.0 s (no leader in the samples), kv-1 leads from 4.2 s.
            for (int ms = 0; ms <= 6_000; ms += 200) {
                String leader = ms < 3_000 ? "kv-0" : ms < 4_200 ? null : "kv-1";
                vm.charts().record(new ReplicationSample(t0.plusMillis(ms), Optional.ofNullable(leader), 50 + ms / 100,
                        Map.of("kv-0", 50L + ms / 200, "kv-1", 50L + ms / 100)));
            }
        });

        await().atMost(5, TimeUnit.SECONDS).until(() -> Fx.get(chart::markerLabels), l -> !l.isEmpty());
        assertThat(Fx.get(chart::markerLabels)).containsExactly("kv-1 after 1.2 s");
        assertThat(Fx.get(chart::describe)).contains("1 failover in 5 min, last 1.2 s without leader", "kv-0 lags 30 entries");
        assertThat(robot.lookup("#replicationSummary").queryLabeled().getText()).startsWith("Leader kv-1 · 1 failover");
    }
}
