package dev.br2k.watch.bench;

/** The one time origin of a benchmark run: every recorded instant is in nanoseconds since {@link #START}. */
final class BenchClock {

    static final long START = System.nanoTime();

    private BenchClock() {
    }

    static long now() {
        return System.nanoTime() - START;
    }
}
