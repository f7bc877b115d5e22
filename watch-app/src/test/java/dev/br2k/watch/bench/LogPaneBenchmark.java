package dev.br2k.watch.bench;

import atlantafx.base.theme.PrimerDark;
import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.watch.logs.LogBuffer;
import dev.br2k.watch.logs.LogPaneView;
import dev.br2k.watch.logs.LogPaneViewModel;
import dev.br2k.watch.task.FxTaskExecutor;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Feeds the log pane (the real view in a real stage) {@code rate} lines per second for
 * {@code seconds} seconds from a stream thread, and prints the longest FX pulse gap, the longest
 * delay of a {@code Platform.runLater} probe sent every 10 ms, the heap used, and the lines shown.
 *
 * <pre>
 * mvn -q -B -ntp test-compile exec:exec@log-bench          # 20,000 lines/s for 30 s, headless, -Xmx256m
 * </pre>
 */
public final class LogPaneBenchmark {

    private LogPaneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);

        FxTaskExecutor executor = new FxTaskExecutor();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong produced = new AtomicLong();
        LogPaneViewModel vm = new LogPaneViewModel(executor, (replica, options, listener) ->
                generator(replica, listener, rate, running, produced), LogBuffer.DEFAULT_CAPACITY);

        AtomicLong maxPulseGapNanos = new AtomicLong();
        AtomicLong pulses = new AtomicLong();
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            LogPaneView view = new LogPaneView(vm);
            view.getStylesheets().add(LogPaneBenchmark.class.getResource("/dev/br2k/watch/watch.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        maxPulseGapNanos.accumulateAndGet(now - last, Math::max);
                    }
                    last = now;
                    pulses.incrementAndGet();
                }
            }.start();
            shown.complete(stage);
        });
        shown.get(30, TimeUnit.SECONDS);
        TimeUnit.SECONDS.sleep(2); // let the first layout and CSS pass finish before measuring
        maxPulseGapNanos.set(0);
        pulses.set(0);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompletableFuture<Long> fxThreadId = new CompletableFuture<>();
        Platform.runLater(() -> fxThreadId.complete(Thread.currentThread().getId()));
        long fxId = fxThreadId.get(30, TimeUnit.SECONDS);
        long fxCpuStart = threads.getThreadCpuTime(fxId);
        long wallStart = System.nanoTime();
        double loadStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long maxHeap = 0;
        long maxProbeNanos = 0;
        Platform.runLater(() -> vm.showReplica("chatty-0"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            CompletableFuture<Long> probe = new CompletableFuture<>();
            Platform.runLater(() -> probe.complete(System.nanoTime() - sent));
            maxProbeNanos = Math.max(maxProbeNanos, probe.get(30, TimeUnit.SECONDS));
            maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
            TimeUnit.MILLISECONDS.sleep(10);
        }
        running.set(false);
        double fxBusy = (threads.getThreadCpuTime(fxId) - fxCpuStart) * 100.0 / (System.nanoTime() - wallStart);
        double loadEnd = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long shownLines = Platform.isFxApplicationThread() ? 0 : fxSize(vm);
        System.gc();
        long heapAfterGc = memory.getHeapMemoryUsage().getUsed();

        System.out.println();
        System.out.printf("Log pane benchmark: %,d lines/s for %d s (-Xmx%d MB)%n", rate, seconds,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        System.out.println("| measure                                  | value       |");
        System.out.println("|------------------------------------------|-------------|");
        System.out.printf("| lines produced                           | %,11d |%n", produced.get());
        System.out.printf("| achieved rate (lines/s)                  | %,11d |%n", produced.get() / seconds);
        System.out.printf("| pulses observed                          | %,11d |%n", pulses.get());
        System.out.printf("| longest FX pulse gap (ms)                | %11.1f |%n", maxPulseGapNanos.get() / 1e6);
        System.out.printf("| longest runLater probe delay (ms)        | %11.1f |%n", maxProbeNanos / 1e6);
        System.out.printf("| heap used, peak sampled (MB)             | %11.1f |%n", maxHeap / 1048576.0);
        System.out.printf("| heap used after GC at the end (MB)       | %11.1f |%n", heapAfterGc / 1048576.0);
        System.out.printf("| rows in the pane at the end (bound 10k)  | %,11d |%n", shownLines);
        System.out.printf("| FX thread CPU time / wall time (%%)       | %11.1f |%n", fxBusy);
        System.out.printf("| machine load average, start / end        | %5.1f/%5.1f |%n", loadStart, loadEnd);
        System.out.printf("| CPUs                                     | %11d |%n", Runtime.getRuntime().availableProcessors());
        executor.close();
        Platform.exit();
        System.exit(0);
    }

    private static long fxSize(LogPaneViewModel vm) throws Exception {
        CompletableFuture<Integer> size = new CompletableFuture<>();
        Platform.runLater(() -> size.complete(vm.buffer().lines().size()));
        return size.get(30, TimeUnit.SECONDS);
    }

    /** A stream thread writing {@code rate} realistic lines per second in 1 ms slices. */
    private static LogStream generator(String replica, LogListener listener, int rate, AtomicBoolean running, AtomicLong produced) {
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            long seq = 0;
            while (running.get()) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (seq < due) {
                    seq++;
                    listener.onLine(new LogLine(replica, LogOptions.SERVICE, seq, Optional.of(Instant.now()),
                            "INFO  [replica=" + replica + " role=LEADER] applied entry " + seq
                                    + " PUT /kv/user-" + (seq % 997) + " -> SUCCESS in 0." + (seq % 9) + " ms"));
                }
                produced.set(seq);
                LockSupport.parkNanos(1_000_000);
            }
        }, "log-generator");
        t.setDaemon(true);
        t.start();
        return new LogStream() {
            @Override
            public long delivered() {
                return produced.get();
            }

            @Override
            public boolean isOpen() {
                return running.get();
            }

            @Override
            public void close() {
                running.set(false);
            }
        };
    }
}
