package dev.br2k.cluster;

/**
 * Receives a log stream, on the stream's own thread. Implementations must not block for long: the
 * Watch appends lines to a bounded buffer and renders in batches.
 */
@FunctionalInterface
public interface LogListener {

    void onLine(LogLine line);

    /**
     * Lines may be missing here: e.g. a container restarted more than once while the stream was
     * disconnected, or a log file was truncated. The stream goes on after it.
     */
    default void onGap(String reason) {
    }

    /** The connection dropped and the stream is reconnecting; no lines are lost by this alone. */
    default void onReconnecting(String cause) {
    }

    /** The stream ended: not following and the end was reached, or it was closed. */
    default void onEnd() {
    }

    /** The stream gave up (e.g. the replica no longer exists); {@link #onEnd} follows. */
    default void onError(ClusterException error) {
    }
}
