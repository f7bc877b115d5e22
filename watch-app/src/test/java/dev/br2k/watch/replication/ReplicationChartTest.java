package dev.br2k.watch.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.watch.testing.Fx;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The replication charts in a real (headless) window. */
class ReplicationChartTest {

    private final FxRobot robot = new FxRobot();
    private final ReplicationChartsViewModel vm = new ReplicationChartsViewModel();
    private ReplicationChartsView view;

    @BeforeEach
    void showTheCharts() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            view = new ReplicationChartsView(vm);
            stage.setScene(new Scene(view, 900, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static ReplicationSample sample(Instant at, String leader, long ssi) {
        return new ReplicationSample(at, Optional.ofNullable(leader), ssi, Map.of("kv-0", ssi, "kv-1", ssi - 7));
    }

    @Test
    void samples_arriving_every_pulse_are_drawn_at_most_once_a_second_and_the_last_one_is_drawn() {
        int before = Fx.get(view.chart()::paints);
        Instant t0 = Instant.now();
        AtomicInteger fed = new AtomicInteger();
        long started = System.nanoTime();
        AnimationTimer feeder = new AnimationTimer() {
            @Override
            public void handle(long now) {
                int i = fed.getAndIncrement();
                vm.record(sample(t0.plusMillis(i * 100L), i < 80 ? "kv-0" : i < 85 ? null : "kv-1", 100 + i));
                if (i == 89) {
                    stop();
                }
            }
        };
        Fx.run(feeder::start);
        await().atMost(10, TimeUnit.SECONDS).until(() -> fed.get() >= 90);
        double seconds = (System.nanoTime() - started) / 1e9;

        await().atMost(3, TimeUnit.SECONDS).until(() -> Fx.get(view.chart()::markerLabels), l -> !l.isEmpty());
        assertThat(Fx.get(view.chart()::markerLabels)).containsExactly("kv-1 after 500 ms");
        assertThat(Fx.get(view.chart()::paints) - before).as("drawings for 90 samples, one per pulse, in %.2f s", seconds)
                .isBetween(1, (int) Math.ceil(seconds) + 2);
    }

    @Test
    void the_one_hour_window_is_redrawn_every_five_seconds_not_every_second() {
        Fx.run(() -> vm.windowProperty().set(ChartWindow.ONE_HOUR)); // drawn at once
        WaitForAsyncUtils.waitForFxEvents();
        int before = Fx.get(view.chart()::paints);
        Instant t0 = Instant.now();
        AtomicInteger fed = new AtomicInteger();
        AnimationTimer feeder = new AnimationTimer() {
            private long first;

            @Override
            public void handle(long now) {
                first = first == 0 ? now : first;
                int i = fed.getAndIncrement();
                vm.record(sample(t0.plusMillis(i * 100L), i < 20 ? "kv-0" : i < 30 ? null : "kv-1", 100 + i));
                if (now - first > 2_000_000_000L) { // two seconds of samples, one per pulse
                    stop();
                }
            }
        };
        Fx.run(feeder::start);

        await("no drawing while samples arrive for 2 s").during(2, TimeUnit.SECONDS).atMost(4, TimeUnit.SECONDS)
                .until(() -> Fx.get(view.chart()::paints) == before);
        assertThat(fed.get()).as("samples fed, one per pulse").isGreaterThan(30);
        await().atMost(8, TimeUnit.SECONDS).until(() -> Fx.get(view.chart()::markerLabels), l -> !l.isEmpty());
        assertThat(Fx.get(view.chart()::markerLabels)).containsExactly("kv-1 after 1.0 s");
        assertThat(Fx.get(view.chart()::paints) - before).isEqualTo(1);
    }

    @Test
    void the_one_hour_window_is_picked_with_its_button_and_keeps_the_older_failover() {
        Instant t0 = Instant.now();
        Fx.run(() -> {
            vm.record(sample(t0, "kv-0", 10));
            vm.record(sample(t0.plusSeconds(2), null, 10));
            vm.record(sample(t0.plusSeconds(4), "kv-1", 12));
            vm.record(sample(t0.plusSeconds(600), "kv-1", 500)); // ten minutes on: out of the 5 min window
        });
        await().atMost(3, TimeUnit.SECONDS).until(() -> Fx.get(view::chart).describe().contains("no failover in 5 min"));

        robot.clickOn("#window-one-hour");

        assertThat(vm.windowProperty().get()).isEqualTo(ChartWindow.ONE_HOUR);
        await().atMost(3, TimeUnit.SECONDS).until(() -> Fx.get(view.chart()::markerLabels), l -> !l.isEmpty());
        assertThat(Fx.get(view.chart()::markerLabels)).containsExactly("kv-1 after 2.0 s");
    }

    @Test
    void backups_restores_and_operations_are_marked_on_the_timeline_and_read_out() {
        Instant t0 = Instant.now().minusSeconds(10);
        Fx.run(() -> {
            vm.record(new ReplicationSample(t0, Optional.of("kv-0"), 10, Map.of("kv-0", 10L, "kv-1", 10L), 3, java.util.Set.of()));
            vm.record(new ReplicationSample(t0.plusSeconds(2), Optional.of("kv-0"), 12, Map.of("kv-0", 12L, "kv-1", 12L), 4,
                    java.util.Set.of()));
            vm.record(new ReplicationSample(t0.plusSeconds(4), Optional.of("kv-0"), 14, Map.of("kv-0", 14L, "kv-1", 0L), 4,
                    java.util.Set.of("kv-1")));
            vm.operation("RECOVERY");
        });

        await().atMost(3, TimeUnit.SECONDS).until(() -> Fx.get(view.chart()::markerLabels), l -> l.size() == 3);
        assertThat(Fx.get(view.chart()::markerLabels)).containsExactly("backup v4", "kv-1 restores", "RECOVERY");
        assertThat(Fx.get(view.chart()::describe)).contains("On the timeline: backup v4; kv-1 restores; RECOVERY");
    }
}
