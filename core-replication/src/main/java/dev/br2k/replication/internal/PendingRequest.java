package dev.br2k.replication.internal;

import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.StoredResponse;
import java.util.concurrent.CompletableFuture;

/** A client request waiting on the leader to be logged, processed and recorded. */
public final class PendingRequest {
    private LogEntry entry;
    private final boolean clientRequestId;
    private final CompletableFuture<StoredResponse> future = new CompletableFuture<>();
    private final long arrivedNanos = System.nanoTime();

    public PendingRequest(LogEntry entry, boolean clientRequestId) {
        this.entry = entry;
        this.clientRequestId = clientRequestId;
    }

    public LogEntry entry() {
        return entry;
    }

    public void stamp(long timestamp, long seed) {
        entry = entry.stamped(timestamp, seed);
    }

    public boolean clientRequestId() {
        return clientRequestId;
    }

    public CompletableFuture<StoredResponse> future() {
        return future;
    }

    /** {@link System#nanoTime()} when the request reached the leader's pipeline. */
    public long arrivedNanos() {
        return arrivedNanos;
    }

    public int size() {
        return entry.body().length() + 512;
    }
}
