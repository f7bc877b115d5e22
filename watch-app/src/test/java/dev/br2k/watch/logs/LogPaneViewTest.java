package dev.br2k.watch.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.watch.task.InlineTaskExecutor;
import dev.br2k.watch.testing.FakeCluster;
import dev.br2k.watch.testing.Fx;
import javafx.scene.AccessibleAttribute;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The log pane in a real (headless) window, used as an operator does: level filter, jumping to errors, what a screen reader gets. */
class LogPaneViewTest {

    private final FxRobot robot = new FxRobot();
    private final FakeCluster cluster = new FakeCluster("kv", 3, new ArrayList<>());
    private LogPaneViewModel vm;

    @BeforeEach
    void showThePane() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            vm = new LogPaneViewModel(new InlineTaskExecutor(), cluster::logs, 1000);
            stage.setScene(new Scene(new LogPaneView(vm), 1100, 400));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Fx.run(() -> vm.showReplica("kv-0"));
        LogListener kv0 = cluster.logListeners.get(0);
        say(kv0, 0, "2026-12-06T10:00:00.000Z INFO  [main] d.b.Replica - kv-0 became Leader");
        say(kv0, 1, "2026-12-06T10:00:01.000Z WARN  [etcd] d.b.Lease - lease renewal took 900 ms");
        say(kv0, 2, "2026-12-06T10:00:02.000Z INFO  [http] d.b.Api - PUT /kv/a");
        say(kv0, 3, "2026-12-06T10:00:03.000Z ERROR [http] d.b.Api - PUT /kv/b failed");
        say(kv0, 4, "\tat dev.br2k.Api.put(Api.java:42)");
        say(kv0, 5, "2026-12-06T10:00:05.000Z INFO  [http] d.b.Api - PUT /kv/c");
        await().atMost(10, TimeUnit.SECONDS).until(() -> lines().size() == 7); // the connecting row and six lines
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        Fx.run(() -> vm.stop());
        FxToolkit.cleanupStages();
    }

    @Test
    void setting_the_level_filter_to_warn_hides_the_info_lines() {
        robot.clickOn("#logLevel");
        robot.clickOn("WARN+");

        await().atMost(10, TimeUnit.SECONDS).until(() -> lines().stream().noneMatch(l -> l.contains(" INFO ")));
        assertThat(lines()).containsExactly("— connecting to kv-0… —",
                "2026-12-06T10:00:01.000Z WARN  [etcd] d.b.Lease - lease renewal took 900 ms",
                "2026-12-06T10:00:03.000Z ERROR [http] d.b.Api - PUT /kv/b failed",
                "\tat dev.br2k.Api.put(Api.java:42)"); // a stack trace's line goes with its ERROR line
        assertThat(Fx.get(() -> ((LogView) robot.lookup("#logList").query()).shownRows()))
                .extracting(LogEntry::level).doesNotContain(LogLevel.INFO);
    }

    @Test
    void f8_selects_the_next_error_and_the_screen_reader_reads_it_with_its_neighbours() {
        LogView view = robot.lookup("#logList").queryAs(LogView.class);
        robot.clickOn(view);
        robot.type(KeyCode.F8);

        assertThat(Fx.get(() -> view.selectedRow().text())).isEqualTo("2026-12-06T10:00:03.000Z ERROR [http] d.b.Api - PUT /kv/b failed");
        String read = Fx.get(() -> (String) view.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        assertThat(read).contains("Selected line 5: ERROR, ", "PUT /kv/b failed", "PUT /kv/a", "Api.java:42", "PUT /kv/c");
    }

    private static void say(LogListener l, int second, String text) {
        l.onLine(new LogLine("kv-0", "service", 1, Optional.of(Instant.parse("2026-12-06T10:00:00Z").plusSeconds(second)), text));
    }

    private List<String> lines() {
        return Fx.get(() -> vm.visibleLines().stream().map(e -> e.render(false, false)).toList());
    }
}
