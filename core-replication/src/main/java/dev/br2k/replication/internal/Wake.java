package dev.br2k.replication.internal;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Wakes the role loop before its next interval: a watch event, a role change, a moved Raft leadership. */
public final class Wake {
    private final LinkedBlockingQueue<Boolean> signals = new LinkedBlockingQueue<>();

    /** Wakes the role loop now instead of at the next interval. */
    public void poke() {
        signals.offer(Boolean.TRUE);
    }

    /** Waits until poked or {@code most} has passed, then forgets every poke so far. */
    void await(Duration most) throws InterruptedException {
        signals.poll(most.toMillis(), TimeUnit.MILLISECONDS);
        signals.clear();
    }

    /** Forgets the pokes so far without waiting. */
    void clear() {
        signals.clear();
    }
}
