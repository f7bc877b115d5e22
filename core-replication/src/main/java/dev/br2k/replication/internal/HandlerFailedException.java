package dev.br2k.replication.internal;

import dev.br2k.replication.Br2kException;

/**
 * A handler threw while this replica applied an entry the leader recorded {@code SUCCESS}: the replica's
 * local state cannot take the entry (a full disk, a database error), and it must not skip it (I4).
 */
public final class HandlerFailedException extends Br2kException {
    private final long index;

    public HandlerFailedException(long index, String message, Throwable cause) {
        super(message, cause);
        this.index = index;
    }

    /** The log index of the entry that failed. */
    public long index() {
        return index;
    }
}
