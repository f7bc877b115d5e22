package dev.br2k.testkit.internal;

import dev.br2k.testkit.TestkitException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition until it yields a value or a deadline passes. */
public final class Poll {

    private Poll() {
    }

    public static <T> T until(Duration timeout, String waitingFor, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new TestkitException("Timed out after " + timeout.toMillis() + " ms waiting for " + waitingFor
                        + (last == null ? "" : " (last error: " + last.getMessage() + ")"), last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestkitException("Interrupted while waiting for " + waitingFor, e);
            }
        }
    }
}
