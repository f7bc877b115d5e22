package dev.br2k.replication.internal;

import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.StoredResponse;
import java.util.concurrent.CompletableFuture;

/** A client request waiting on the leader to be logged, processed and recorded. */
public final class PendingRequest {
    /** Bytes an entry's status and request-id record add to a transaction, and a stamp's digits. */
    private static final int OVERHEAD = 512;

    private LogEntry entry;
    private final boolean clientRequestId;
    private final CompletableFuture<StoredResponse> future = new CompletableFuture<>();
    private final long arrivedNanos = System.nanoTime();
    private final int size;

    public PendingRequest(LogEntry entry, boolean clientRequestId) {
        this.entry = entry;
        this.clientRequestId = clientRequestId;
        this.size = encodedSize(entry) + OVERHEAD;
    }

    /** The bytes {@code entry} takes in the log: its JSON encoding, not its character count. */
    public static int encodedSize(LogEntry entry) {
        return Json.bytes(entry).length;
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

    /** Bytes the request adds to the transaction that appends it. */
    public int size() {
        return size;
    }
}
