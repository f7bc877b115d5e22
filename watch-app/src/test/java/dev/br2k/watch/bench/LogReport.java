package dev.br2k.watch.bench;

import dev.br2k.watch.logs.LogBuffer;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The log benchmarks' printed table: a phase without lines against the fed phase, then the fed
 * phase's five longest gaps with the GC pauses that overlapped them.
 *
 * @param start       what began the fed phase ("connect", "open")
 * @param firstNotice when the pane's first notice row arrived (nanos since {@link BenchClock#START}; 0: none)
 * @param firstLine   when the pane's first log line arrived (nanos since {@link BenchClock#START}; 0: none)
 * @param rows        the rows in the pane at the end
 */
record LogReport(Phase baseline, Phase fed, int seconds, long produced, String start, long firstNotice, long firstLine, long rows) {

    void print(String title) {
        System.out.println();
        System.out.printf("%s; -Xmx%d MB, %s, %d CPUs%n", title, Runtime.getRuntime().maxMemory() / (1024 * 1024),
                GcRecorder.names(), Runtime.getRuntime().availableProcessors());
        System.out.println("| measure                                          | no lines    | fed         |");
        System.out.println("|--------------------------------------------------|-------------|-------------|");
        row("lines produced", "%,11d", 0L, produced);
        row("achieved rate (lines/s)", "%,11d", 0L, produced / seconds);
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
        row("load average at the start", "%11.2f", baseline.loadStart, fed.loadStart);
        row("load average at the end", "%11.2f", baseline.loadEnd, fed.loadEnd);
        fedRow(start + " -> first notice row in the pane (ms)", sinceFed(firstNotice));
        fedRow(start + " -> first log line in the pane (ms)", sinceFed(firstLine));
        fedRow("longest gap from the first log line on (ms)", firstLine == 0 ? "none" : String.format("%.1f", fed.maxGapEndingAfterMs(firstLine)));
        System.gc();
        fedRow("heap used after GC at the end (MB)", String.format("%.1f",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0));
        fedRow(String.format("rows in the pane at the end (bound %,d)", LogBuffer.DEFAULT_CAPACITY), String.format("%,d", rows));
        System.out.println();
        System.out.printf("Longest pulse gaps while fed (ms since start; the phase, which begins with '%s', started at %,d ms; GC pauses overlapping them):%n",
                start, fed.startNanos / 1_000_000);
        for (long[] gap : fed.longestGaps(5)) {
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
                    gap[1] / 1e6, endMs, endMs - gapMs - fed.startNanos / 1_000_000, gap[2] / 1e6,
                    overlapping.isEmpty() ? "none" : String.join(", ", overlapping));
        }
    }

    private String sinceFed(long nanos) {
        return nanos == 0 ? "none" : String.format("%.1f", (nanos - fed.startNanos) / 1e6);
    }

    private static void row(String name, String format, Object baseline, Object fed) {
        System.out.printf("| %-48s | " + format + " | " + format + " |%n", name, baseline, fed);
    }

    private static void fedRow(String name, String value) {
        System.out.printf("| %-48s |             | %11s |%n", name, value);
    }
}
