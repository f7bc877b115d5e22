package dev.br2k.watch.bench;

import javafx.application.Platform;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One measured phase of a log benchmark: every pulse gap, the FX thread's CPU time within each, a
 * {@code Platform.runLater} probe every 10 ms, the sampled heap, the GC pauses, the CPU shares and
 * the load average at its start and end.
 */
final class Phase {

    final String name;
    long[] gaps = new long[0]; // pairs: end (nanos since BenchClock.START), gap (nanos)
    long[] pulseCpu = new long[0]; // the FX thread's CPU time within each gap (nanos)
    int pulses;
    long startNanos;
    long maxProbeNanos;
    long maxHeap;
    double fxBusyPercent;
    double renderBusyPercent;
    double processCpuPercent;
    double loadStart;
    double loadEnd;
    List<long[]> gcPauses = List.of(); // pairs: end (nanos since BenchClock.START), duration (nanos)

    private Phase(String name) {
        this.name = name;
    }

    /** Runs {@code begin}, then measures for {@code seconds}; the phase starts just before {@code begin}. */
    static Phase measure(String name, int seconds, PulseRecorder pulses, GcRecorder gcs, Runnable begin) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompletableFuture<Long> fxThreadId = new CompletableFuture<>();
        Platform.runLater(() -> fxThreadId.complete(Thread.currentThread().getId()));
        long fxId = fxThreadId.get(30, TimeUnit.SECONDS);
        Phase phase = new Phase(name);
        phase.loadStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        phase.startNanos = BenchClock.now();
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

    /** The longest gap that ended after {@code nanos} (since BenchClock.START): the pulses from then on, whole. */
    double maxGapEndingAfterMs(long nanos) {
        long max = 0;
        for (int i = 0; i + 1 < gaps.length; i += 2) {
            if (gaps[i] > nanos) {
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

    /** Triples: end (nanos since BenchClock.START), gap (nanos), the FX thread's CPU time within it (nanos). */
    List<long[]> longestGaps(int n) {
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i + 1 < gaps.length; i += 2) {
            all.add(new long[]{gaps[i], gaps[i + 1], pulseCpu[i / 2]});
        }
        all.sort((a, b) -> Long.compare(b[1], a[1]));
        return all.subList(0, Math.min(n, all.size()));
    }
}
