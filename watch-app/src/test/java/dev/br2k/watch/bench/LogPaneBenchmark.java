package dev.br2k.watch.bench;

import atlantafx.base.theme.PrimerDark;
import com.sun.management.GarbageCollectionNotificationInfo;
import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.watch.logs.LogBuffer;
import dev.br2k.watch.logs.LogEntry;
import dev.br2k.watch.logs.LogPaneView;
import dev.br2k.watch.logs.LogPaneViewModel;
import dev.br2k.watch.task.FxTaskExecutor;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

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

    private static final long START = System.nanoTime();

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
                generator(replica, listener, rate, produced), LogBuffer.DEFAULT_CAPACITY);

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
                    (e.notice() ? firstNotice : firstLine).compareAndSet(0, System.nanoTime() - START);
                }
            }
        }));

        Phase baseline = measure("no lines (baseline)", baselineSeconds, pulses, gcs, () -> { });
        Phase fed = measure(String.format("%,d lines/s", rate), seconds, pulses, gcs, () -> Platform.runLater(() -> {
            if (open) { // as the service page does: build the pane, show it, connect it in one go
                LogPaneView view = new LogPaneView(vm);
                view.getStylesheets().add(css);
                stage.getScene().setRoot(view);
            }
            vm.showReplica("chatty-0");
        }));
        long rows = fxSize(vm);
        Platform.runLater(vm::stop);

        System.out.println();
        System.out.printf("Log pane benchmark: %,d lines/s for %d s after a %d s baseline without lines%s; -Xmx%d MB, %s, %d CPUs%n",
                rate, seconds, baselineSeconds, warmSeconds > 0 ? " (pane warmed up with lines for " + warmSeconds + " s first)"
                        : open ? " (the first lines this JVM shows; the pane itself opened at the start of the fed phase)"
                        : " (the first lines this JVM shows)", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                gcNames(), Runtime.getRuntime().availableProcessors());
        System.out.println("| measure                                          | no lines    | fed         |");
        System.out.println("|--------------------------------------------------|-------------|-------------|");
        row("lines produced", "%,11d", 0L, produced.get());
        row("achieved rate (lines/s)", "%,11d", 0L, produced.get() / seconds);
        row("pulses", "%,11d", (long) baseline.pulses, (long) fed.pulses);
        row("longest FX pulse gap (ms)", "%11.1f", baseline.maxGapMs(), fed.maxGapMs());
        row("longest gap after the phase's first second", "%11.1f", baseline.maxGapAfterMs(1000), fed.maxGapAfterMs(1000));
        row("99th percentile pulse gap (ms)", "%11.1f", baseline.percentileMs(99), fed.percentileMs(99));
        row("median pulse gap (ms)", "%11.1f", baseline.percentileMs(50), fed.percentileMs(50));
        row("pulse gaps over 100 ms", "%,11d", baseline.over(100), fed.over(100));
        row("most FX thread CPU between two pulses (ms)", "%11.1f", baseline.maxPulseCpuMs(), fed.maxPulseCpuMs());
        row("longest runLater probe delay (ms)", "%11.1f", baseline.maxProbeNanos / 1e6, fed.maxProbeNanos / 1e6);
        row("heap used, peak sampled (MB)", "%11.1f", baseline.maxHeap / 1048576.0, fed.maxHeap / 1048576.0);
        row("GC pauses", "%,11d", (long) baseline.gcPauses.size(), (long) fed.gcPauses.size());
        row("longest GC pause (ms)", "%11.1f", baseline.maxGcMs(), fed.maxGcMs());
        row("FX thread CPU time / wall time (%)", "%11.1f", baseline.fxBusyPercent, fed.fxBusyPercent);
        row("render thread CPU time / wall time (%)", "%11.1f", baseline.renderBusyPercent, fed.renderBusyPercent);
        row("whole JVM CPU time / wall time (%, 200 = 2 CPUs)", "%11.1f", baseline.processCpuPercent, fed.processCpuPercent);
        row("load average at the end", "%11.2f", baseline.loadEnd, fed.loadEnd);
        System.out.printf("| %-48s |             | %11s |%n", (open ? "open" : "connect") + " -> first notice row in the pane (ms)",
                firstNotice.get() == 0 ? "none" : String.format("%.1f", (firstNotice.get() - fed.startNanos) / 1e6));
        System.out.printf("| %-48s |             | %11.1f |%n", (open ? "open" : "connect") + " -> first log line in the pane (ms)", (firstLine.get() - fed.startNanos) / 1e6);
        System.gc();
        System.out.printf("| %-48s |             | %11.1f |%n", "heap used after GC at the end (MB)",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
        System.out.printf("| %-48s |             | %,11d |%n", String.format("rows in the pane at the end (bound %,d)", LogBuffer.DEFAULT_CAPACITY), rows);
        System.out.println();
        System.out.printf("Longest pulse gaps while fed (ms since start; the phase, which connects the pane and then feeds it, started at %,d ms; GC pauses overlapping them):%n",
                fed.startNanos / 1_000_000);
        for (long[] gap : fed.longestGaps(5)) {
            long cpuNanos = gap[2];
            long endMs = gap[0] / 1_000_000;
            long gapMs = gap[1] / 1_000_000;
            List<String> overlapping = new ArrayList<>();
            for (long[] gc : fed.gcPauses) {
                long gcEnd = gc[0] / 1_000_000;
                long gcStart = gcEnd - gc[1] / 1_000_000;
                if (gcEnd >= endMs - gapMs && gcStart <= endMs) {
                    overlapping.add(String.format("%.1f ms", gc[1] / 1e6));
                }
            }
            System.out.printf("  %7.1f ms ending at %,8d ms (began %,d ms into the phase); FX thread CPU %.1f ms; GC: %s%n",
                    gap[1] / 1e6, endMs, endMs - gapMs - fed.startNanos / 1_000_000, cpuNanos / 1e6,
                    overlapping.isEmpty() ? "none" : String.join(", ", overlapping));
        }
        executor.close();
        Platform.exit();
        System.exit(0);
    }

    private static void row(String name, String format, Object baseline, Object fed) {
        System.out.printf("| %-48s | " + format + " | " + format + " |%n", name, baseline, fed);
    }

    private static Phase measure(String name, int seconds, PulseRecorder pulses, GcRecorder gcs, Runnable begin) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompletableFuture<Long> fxThreadId = new CompletableFuture<>();
        Platform.runLater(() -> fxThreadId.complete(Thread.currentThread().getId()));
        long fxId = fxThreadId.get(30, TimeUnit.SECONDS);
        Phase phase = new Phase(name);
        phase.startNanos = System.nanoTime() - START;
        long fxCpuStart = threads.getThreadCpuTime(fxId);
        long renderId = threadId("QuantumRenderer");
        long renderCpuStart = renderId < 0 ? 0 : threads.getThreadCpuTime(renderId);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processCpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        pulses.reset();
        gcs.reset();
        begin.run();
        long end = wallStart + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            CompletableFuture<Long> probe = new CompletableFuture<>();
            Platform.runLater(() -> probe.complete(System.nanoTime() - sent));
            phase.maxProbeNanos = Math.max(phase.maxProbeNanos, probe.get(30, TimeUnit.SECONDS));
            phase.maxHeap = Math.max(phase.maxHeap, memory.getHeapMemoryUsage().getUsed());
            TimeUnit.MILLISECONDS.sleep(10);
        }
        long wall = System.nanoTime() - wallStart;
        phase.fxBusyPercent = (threads.getThreadCpuTime(fxId) - fxCpuStart) * 100.0 / wall;
        phase.renderBusyPercent = renderId < 0 ? 0 : (threads.getThreadCpuTime(renderId) - renderCpuStart) * 100.0 / wall;
        phase.processCpuPercent = (os.getProcessCpuTime() - processCpuStart) * 100.0 / wall;
        phase.loadEnd = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        phase.gaps = pulses.snapshot();
        phase.pulseCpu = pulses.cpuSnapshot();
        phase.pulses = phase.gaps.length / 2;
        phase.gcPauses = gcs.snapshot();
        return phase;
    }

    private static long threadId(String namePrefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(namePrefix))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
    }

    private static String gcNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return String.join(" + ", names);
    }

    private static long fxSize(LogPaneViewModel vm) throws Exception {
        CompletableFuture<Integer> size = new CompletableFuture<>();
        Platform.runLater(() -> size.complete(vm.buffer().lines().size()));
        return size.get(30, TimeUnit.SECONDS);
    }

    /** A stream thread writing {@code rate} realistic lines per second in 1 ms slices. */
    private static LogStream generator(String replica, LogListener listener, int rate, AtomicLong produced) {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            long seq = 0;
            long reported = 0;
            while (running.get()) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (seq < due) {
                    seq++;
                    listener.onLine(new LogLine(replica, LogOptions.SERVICE, seq, Optional.of(Instant.now()),
                            "INFO  [replica=" + replica + " role=LEADER] applied entry " + seq
                                    + " PUT /kv/user-" + (seq % 997) + " -> SUCCESS in 0." + (seq % 9) + " ms"));
                }
                produced.addAndGet(seq - reported);
                reported = seq;
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

    /** One measured phase. */
    private static final class Phase {
        final String name;
        long[] gaps = new long[0]; // pairs: end (nanos since START), gap (nanos)
        long[] pulseCpu = new long[0]; // the FX thread's CPU time within each gap (nanos)
        int pulses;
        long startNanos;
        long maxProbeNanos;
        long maxHeap;
        double fxBusyPercent;
        double renderBusyPercent;
        double processCpuPercent;
        double loadEnd;
        List<long[]> gcPauses = List.of(); // pairs: end (nanos since START), duration (nanos)

        Phase(String name) {
            this.name = name;
        }

        double maxGapMs() {
            long max = 0;
            for (int i = 1; i < gaps.length; i += 2) {
                max = Math.max(max, gaps[i]);
            }
            return max / 1e6;
        }

        /** The longest gap that began at least {@code ms} after the phase started (warm-up excluded). */
        double maxGapAfterMs(long ms) {
            long max = 0;
            for (int i = 0; i + 1 < gaps.length; i += 2) {
                if (gaps[i] - gaps[i + 1] >= startNanos + ms * 1_000_000L) {
                    max = Math.max(max, gaps[i + 1]);
                }
            }
            return max / 1e6;
        }

        double percentileMs(int p) {
            if (pulses == 0) {
                return 0;
            }
            long[] sorted = new long[pulses];
            for (int i = 0; i < pulses; i++) {
                sorted[i] = gaps[2 * i + 1];
            }
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * pulses) - 1;
            return sorted[Math.max(0, Math.min(pulses - 1, index))] / 1e6;
        }

        long over(long ms) {
            long n = 0;
            for (int i = 1; i < gaps.length; i += 2) {
                if (gaps[i] > ms * 1_000_000L) {
                    n++;
                }
            }
            return n;
        }

        /** The most CPU time the FX thread used between two pulses: the work of the longest pulse, whatever the load. */
        double maxPulseCpuMs() {
            return Arrays.stream(pulseCpu).max().orElse(0) / 1e6;
        }

        double maxGcMs() {
            return gcPauses.stream().mapToLong(g -> g[1]).max().orElse(0) / 1e6;
        }

        List<long[]> longestGaps(int n) {
            List<long[]> all = new ArrayList<>();
            for (int i = 0; i + 1 < gaps.length; i += 2) {
                all.add(new long[]{gaps[i], gaps[i + 1], pulseCpu[i / 2]});
            }
            all.sort((a, b) -> Long.compare(b[1], a[1]));
            return all.subList(0, Math.min(n, all.size()));
        }
    }

    /** Records every pulse gap on the FX thread into a preallocated array (no allocation per pulse). */
    private static final class PulseRecorder extends AnimationTimer {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long[] gaps = new long[2 * 60 * 600];
        private final long[] cpu = new long[60 * 600];
        private int count;
        private long last;
        private long lastCpu;

        @Override
        public void handle(long now) {
            long fxCpu = threads.getCurrentThreadCpuTime();
            synchronized (this) {
                if (last != 0 && 2 * count + 1 < gaps.length) {
                    gaps[2 * count] = now - START;
                    gaps[2 * count + 1] = now - last;
                    cpu[count] = fxCpu - lastCpu;
                    count++;
                }
                last = now;
                lastCpu = fxCpu;
            }
        }

        synchronized void reset() {
            count = 0;
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(gaps, 2 * count);
        }

        /** The FX thread's CPU time between each two pulses of {@link #snapshot()}, in the same order. */
        synchronized long[] cpuSnapshot() {
            return Arrays.copyOf(cpu, count);
        }
    }

    /** Collects the GC pauses the JVM reports (end time and duration). */
    private static final class GcRecorder {
        private final List<long[]> pauses = new ArrayList<>();

        static GcRecorder install() {
            GcRecorder recorder = new GcRecorder();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                            return;
                        }
                        GarbageCollectionNotificationInfo info =
                                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        if (info.getGcAction().contains("end of") && !info.getGcName().contains("Concurrent")) {
                            recorder.add(System.nanoTime() - START, info.getGcInfo().getDuration() * 1_000_000L);
                        }
                    }, null, null);
                }
            }
            return recorder;
        }

        synchronized void add(long end, long duration) {
            pauses.add(new long[]{end, duration});
        }

        synchronized void reset() {
            pauses.clear();
        }

        synchronized List<long[]> snapshot() {
            return List.copyOf(pauses);
        }
    }
}
