package dev.br2k.robustness;

/** Time since the run started, in nanoseconds, shared by the clients, the attacker and the report. */
public final class RunClock {
    private final long start = System.nanoTime();

    public long now() {
        return System.nanoTime() - start;
    }
}
