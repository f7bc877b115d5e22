package dev.br2k.replication.internal.log;

import dev.br2k.replication.Br2kException;

/**
 * etcd (or the gRPC channel in front of it) refused a write for its size. Nothing was written: the size
 * is checked before the write is proposed. A request error, never a reason to leave leadership.
 */
public final class RequestTooLargeException extends Br2kException {
    public RequestTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether an etcd call failed for the size of the request. */
    static boolean isTooLarge(Throwable error) {
        String m = String.valueOf(error.getMessage());
        return m.contains("request is too large") || m.contains("RESOURCE_EXHAUSTED") && m.contains("larger than max");
    }
}
