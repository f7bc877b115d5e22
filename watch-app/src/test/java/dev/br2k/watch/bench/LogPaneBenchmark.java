package dev.br2k.watch.bench;

import atlantafx.base.theme.PrimerDark;
import dev.br2k.watch.logs.LogBuffer;
import dev.br2k.watch.logs.LogEntry;
import dev.br2k.watch.logs.LogPaneView;
import dev.br2k.watch.logs.LogPaneViewModel;
import dev.br2k.watch.task.FxTaskExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log pane (the real view in a real stage) measured twice in one JVM: first for
 * {@code baselineSeconds} with no lines (what the machine and the toolkit cost alone), then fed
 * {@code rate} lines per second for {@code seconds} seconds from a stream thread. For each phase it
 * prints the FX pulse gaps (longest, 99th percentile, median), the longest delay of a
 * {@code Platform.runLater} probe sent every 10 ms, the heap, the GC pauses, the FX thread's CPU
 * share and the machine's load; then the five longest gaps of the fed phase with the GC pauses that
 * overlapped them, so a stall can be told apart from a collection, and the FX thread's CPU time
 * within each (the work of that pulse, which the machine's load does not stretch). The longest gap
 * is also given without the phase's first second, where the first rows ever shown in the JVM build
 * the list's cells and run the toolkit's code for the first time. The fed phase begins by connecting
 * the pane (its "connecting to" row) and so includes that row; with {@code open} it begins earlier,
 * by building and showing the pane itself, as opening a service page does; the time from there to
 * the first log line in the pane is printed too.
 *
 * <pre>
 * mvn -B -ntp process-test-classes exec:exec@log-bench     # 20,000 lines/s for 30 s after a 10 s baseline, -Xmx256m
 * mvn -B -ntp process-test-classes exec:exec@log-bench -Dlog-bench.open=true   # the pane itself is built and shown in the fed phase
 * </pre>
 */
public final class LogPaneBenchmark {

    private LogPaneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int baselineSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        boolean open = args.length > 4 && Boolean.parseBoolean(args[4]);
        if (open && warmSeconds > 0) {
            throw new IllegalArgumentException("open (the pane opened in the measured phase) and warm (lines shown before it) exclude each other");
        }
        String css = LogPaneBenchmark.class.getResource("/dev/br2k/watch/watch.css").toExternalForm();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);

        FxTaskExecutor executor = new FxTaskExecutor();
        AtomicLong produced = new AtomicLong();
        LogPaneViewModel vm = new LogPaneViewModel(executor, (replica, options, listener) ->
                SyntheticLog.start(replica, listener, rate, produced), LogBuffer.DEFAULT_CAPACITY);

        PulseRecorder pulses = new PulseRecorder();
        GcRecorder gcs = GcRecorder.install();
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            Parent root = open ? new BorderPane() : new LogPaneView(vm); // open: an empty window until the fed phase opens the pane
            root.getStylesheets().add(css);
            Stage stage = new Stage();
            stage.setScene(new Scene(root, 1280, 800));
            stage.show();
            pulses.start();
            shown.complete(stage);
        });
        Stage stage = shown.get(30, TimeUnit.SECONDS);
        TimeUnit.SECONDS.sleep(3); // the first layout, CSS pass and JIT warm-up are not measured
        if (warmSeconds > 0) { // optional: lines shown once before measuring, so the first-use costs are paid
            Platform.runLater(() -> vm.showReplica("warm-up-0"));
            TimeUnit.SECONDS.sleep(warmSeconds);
            Platform.runLater(vm::stop);
            TimeUnit.SECONDS.sleep(1);
            produced.set(0);
        }

        AtomicLong firstNotice = new AtomicLong();
        AtomicLong firstLine = new AtomicLong();
        Platform.runLater(() -> vm.buffer().lines().addListener((ListChangeListener<LogEntry>) change -> {
            while (change.next()) {
                for (LogEntry e : change.getAddedSubList()) {
                    (e.notice() ? firstNotice : firstLine).compareAndSet(0, BenchClock.now());
                }
            }
        }));

        Phase baseline = Phase.measure("no lines (baseline)", baselineSeconds, pulses, gcs, () -> { });
        Phase fed = Phase.measure(String.format("%,d lines/s", rate), seconds, pulses, gcs, () -> Platform.runLater(() -> {
            if (open) { // as the service page does: build the pane, show it, connect it in one go
                LogPaneView view = new LogPaneView(vm);
                view.getStylesheets().add(css);
                stage.getScene().setRoot(view);
            }
            vm.showReplica("chatty-0");
        }));
        long rows = fxSize(vm);
        Platform.runLater(vm::stop);

        new LogReport(baseline, fed, seconds, produced.get(), open ? "open" : "connect", firstNotice.get(), firstLine.get(), rows)
                .print(String.format("Log pane benchmark: %,d lines/s for %d s after a %d s baseline without lines%s",
                        rate, seconds, baselineSeconds, warmSeconds > 0 ? " (pane warmed up with lines for " + warmSeconds + " s first)"
                                : open ? " (the first lines this JVM shows; the pane itself opened at the start of the fed phase)"
                                : " (the first lines this JVM shows)"));
        executor.close();
        Platform.exit();
        System.exit(0);
    }

    private static long fxSize(LogPaneViewModel vm) throws Exception {
        CompletableFuture<Integer> size = new CompletableFuture<>();
        Platform.runLater(() -> size.complete(vm.buffer().lines().size()));
        return size.get(30, TimeUnit.SECONDS);
    }
}
