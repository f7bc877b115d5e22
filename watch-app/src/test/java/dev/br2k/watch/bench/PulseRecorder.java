package dev.br2k.watch.bench;

import javafx.animation.AnimationTimer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/** Records every pulse gap on the FX thread into a preallocated array (no allocation per pulse). */
final class PulseRecorder extends AnimationTimer {

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
                gaps[2 * count] = now - BenchClock.START;
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

    /** Pairs: the pulse's time (nanos since {@link BenchClock#START}), the gap before it (nanos). */
    synchronized long[] snapshot() {
        return Arrays.copyOf(gaps, 2 * count);
    }

    /** The FX thread's CPU time between each two pulses of {@link #snapshot()}, in the same order. */
    synchronized long[] cpuSnapshot() {
        return Arrays.copyOf(cpu, count);
    }
}
