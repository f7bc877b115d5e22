package dev.br2k.watch.logs;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.watch.task.InlineTaskExecutor;
import dev.br2k.watch.testing.FakeCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LogPaneViewModelTest {

    final FakeCluster cluster = new FakeCluster("kv", 3, new ArrayList<>());
    final InlineTaskExecutor executor = new InlineTaskExecutor();
    final LogPaneViewModel vm = new LogPaneViewModel(executor, cluster::logs, 1000);

    @TempDir
    Path dir;

    static void say(LogListener l, String replica, String text) {
        l.onLine(new LogLine(replica, "service", 1, Optional.of(Instant.parse("2026-01-01T10:00:00Z")), text));
    }

    static List<String> shown(LogPaneViewModel vm) {
        return vm.visibleLines().stream().map(e -> e.render(false, false)).toList();
    }

    @Test
    void the_selected_replicas_lines_show_after_the_next_flush_and_follow_is_on_by_default() {
        vm.showReplica("kv-1");
        say(cluster.logListeners.get(0), "kv-1", "became Leader");

        assertThat(shown(vm)).as("the connecting row at once, the lines at the next flush").containsExactly("— connecting to kv-1… —");
        vm.flush();

        assertThat(shown(vm)).containsExactly("— connecting to kv-1… —", "became Leader");
        assertThat(vm.followProperty().get()).isTrue();
        assertThat(cluster.logOptions.get(0).follow()).isTrue();
    }

    @Test
    void rows_are_added_at_most_ten_times_a_second_and_the_connecting_row_counts_so_the_first_lines_come_a_pulse_later() {
        long beforeConnecting = System.nanoTime();
        vm.showAll(List.of("kv-0", "kv-1"));
        say(cluster.logListeners.get(0), "kv-0", "first");

        assertThat(vm.flushIfDue(beforeConnecting)).as("not due: the connecting rows were just added").isEqualTo(-1);
        assertThat(vm.visibleLines()).extracting(e -> e.render(false, true))
                .containsExactly("[kv-0] — connecting to kv-0… —", "[kv-1] — connecting to kv-1… —");
        long later = System.nanoTime() + LogPaneViewModel.FLUSH_INTERVAL_NANOS;
        assertThat(vm.flushIfDue(later)).isEqualTo(1);
        say(cluster.logListeners.get(1), "kv-1", "second");
        assertThat(vm.flushIfDue(later + LogPaneViewModel.FLUSH_INTERVAL_NANOS - 1)).isEqualTo(-1);
        assertThat(vm.flushIfDue(later + LogPaneViewModel.FLUSH_INTERVAL_NANOS)).isEqualTo(1);
    }

    @Test
    void pause_holds_new_lines_back_until_resumed() {
        vm.showReplica("kv-0");
        vm.pausedProperty().set(true);
        say(cluster.logListeners.get(0), "kv-0", "a");
        vm.flush();
        assertThat(shown(vm)).containsExactly("— connecting to kv-0… —");

        vm.pausedProperty().set(false);

        assertThat(shown(vm)).containsExactly("— connecting to kv-0… —", "a");
    }

    @Test
    void the_filter_keeps_matching_lines_and_all_replicas_are_prefixed_by_name() {
        vm.showAll(List.of("kv-0", "kv-1"));
        assertThat(cluster.logListeners).hasSize(2);
        say(cluster.logListeners.get(0), "kv-0", "GET /kv/a 200");
        say(cluster.logListeners.get(1), "kv-1", "applied entry 7");
        vm.flush();

        vm.filterProperty().set("APPLIED");

        assertThat(vm.visibleLines()).hasSize(1);
        assertThat(vm.visibleLines().get(0).render(false, true)).isEqualTo("[kv-1] applied entry 7");
    }

    @Test
    void previous_asks_for_the_previous_run_without_following() {
        vm.showReplica("kv-0");
        vm.previousProperty().set(true);

        assertThat(cluster.logOptions.get(cluster.logOptions.size() - 1).previous()).isTrue();
        assertThat(cluster.logOptions.get(cluster.logOptions.size() - 1).follow()).isFalse();
    }

    @Test
    void download_writes_the_lines_shown() throws Exception {
        vm.showReplica("kv-0");
        say(cluster.logListeners.get(0), "kv-0", "one");
        cluster.logListeners.get(0).onReconnecting("connection reset");
        say(cluster.logListeners.get(0), "kv-0", "two");
        vm.flush();
        vm.timestampsProperty().set(false);

        Path file = dir.resolve("kv-0.log");
        assertThat(vm.saveTo(file)).isTrue();

        assertThat(Files.readAllLines(file)).containsExactly("— connecting to kv-0… —", "one", "— reconnecting: connection reset —", "two");
    }

    @Test
    void switching_replicas_stops_the_old_stream() {
        vm.showReplica("kv-0");
        LogListener old = cluster.logListeners.get(0);
        vm.showReplica("kv-1");
        say(old, "kv-0", "late line");
        vm.flush();

        assertThat(shown(vm)).containsExactly("— connecting to kv-1… —");
        assertThat(cluster.logListeners).hasSize(1);
    }

    @Test
    void a_stream_that_stops_by_itself_is_opened_again_from_the_last_line_seen_and_marked() {
        vm.showReplica("kv-0");
        say(cluster.logListeners.get(0), "kv-0", "before the crash");
        cluster.logListeners.get(0).onError(new ClusterException("kv-0 has no log file"));
        cluster.logListeners.get(0).onEnd();
        assertThat(executor.pendingDelayed()).as("one retry scheduled, not two").isEqualTo(1);
        assertThat(vm.statusProperty().get()).contains("Reconnecting in 1 s");

        executor.runDelayed();
        say(cluster.logListeners.get(cluster.logListeners.size() - 1), "kv-0", "after the restart");
        vm.flush();

        assertThat(cluster.logOptions.get(cluster.logOptions.size() - 1).since())
                .contains(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(shown(vm)).containsExactly(
                "— connecting to kv-0… —", "before the crash", "— stream stopped: kv-0 has no log file —", "— end of log —",
                "— reconnected to kv-0 —", "after the restart");
        assertThat(vm.statusProperty().get()).isEqualTo("Streaming kv-0");
    }

    @Test
    void a_replica_that_restarted_gets_a_marker_and_its_following_stream_is_kept() {
        vm.showReplica("kv-1");
        LogListener stream = cluster.logListeners.get(0);

        vm.replicaRestarted("kv-1", 3);
        say(stream, "kv-1", "started as Follower");
        vm.flush();

        assertThat(cluster.logListeners).containsExactly(stream);
        assertThat(shown(vm)).containsExactly("— connecting to kv-1… —", "— reconnected to kv-1 (restart 3) —", "started as Follower");
        vm.replicaRestarted("kv-2", 1);
        assertThat(vm.buffer().pending()).as("a replica not shown is ignored").isZero();
    }

    @Test
    void a_reconnect_that_fails_is_tried_again_with_a_growing_delay() {
        LogPaneViewModel failing = new LogPaneViewModel(executor, (replica, options, listener) -> {
            throw new ClusterException(replica + " is not running");
        }, 100);
        failing.showReplica("kv-0");
        failing.replicaRestarted("kv-0", 1);

        assertThat(failing.statusProperty().get()).contains("Trying again in 1 s");
        executor.runDelayed();
        assertThat(failing.statusProperty().get()).contains("Trying again in 2 s");
        assertThat(LogPaneViewModel.retryDelay(10)).hasSeconds(30);
        failing.stop();
        assertThat(executor.pendingDelayed()).isZero();
    }

    @Test
    void the_all_replicas_view_interleaves_the_replicas_first_lines_by_time_and_keeps_each_replicas_level_on_its_stack_trace() {
        vm.showAll(List.of("kv-0", "kv-1"));
        LogListener kv0 = cluster.logListeners.get(0);
        LogListener kv1 = cluster.logListeners.get(1);
        at(kv0, "kv-0", 1, "INFO  a1");
        at(kv0, "kv-0", 3, "ERROR a3");
        at(kv0, "kv-0", 3, "\tat a3.trace");
        at(kv1, "kv-1", 2, "WARN  b2");
        at(kv1, "kv-1", 4, "INFO  b4");
        vm.flush();

        assertThat(vm.visibleLines()).filteredOn(e -> !e.notice()).extracting(LogEntry::text)
                .containsExactly("INFO  a1", "WARN  b2", "ERROR a3", "\tat a3.trace", "INFO  b4");
        vm.levelProperty().set(LogLevel.WARN);
        assertThat(vm.visibleLines()).filteredOn(e -> !e.notice()).extracting(LogEntry::text)
                .containsExactly("WARN  b2", "ERROR a3", "\tat a3.trace");
    }

    @Test
    void next_error_goes_forward_and_back_from_a_row_and_wraps_around() {
        vm.showReplica("kv-0");
        LogListener kv0 = cluster.logListeners.get(0);
        at(kv0, "kv-0", 1, "ERROR first");
        at(kv0, "kv-0", 2, "INFO  between");
        at(kv0, "kv-0", 3, "ERROR second");
        vm.flush(); // rows: connecting, first, between, second

        assertThat(vm.nextError(-1, true)).hasValue(1);
        assertThat(vm.nextError(1, true)).hasValue(3);
        assertThat(vm.nextError(3, true)).as("wraps").hasValue(1);
        assertThat(vm.nextError(3, false)).hasValue(1);
        vm.filterProperty().set("between");
        assertThat(vm.nextError(-1, true)).as("no error among the rows shown").isEmpty();
    }

    private static void at(LogListener l, String replica, int second, String text) {
        l.onLine(new LogLine(replica, "service", 1, Optional.of(Instant.parse("2026-01-01T10:00:00Z").plusSeconds(second)), text));
    }
}
