package dev.br2k.watch.replication;

import java.time.Instant;
import java.util.Objects;

/**
 * Something an operator wants to see on the leader timeline besides the failovers: a backup (the service's
 * state version went up), a replica restoring (it turned Learner), or an operation the Watch ran.
 *
 * @param at    when it was first seen
 * @param kind  what it was
 * @param label the words drawn beside the marker and read by a screen reader, e.g. "backup v4", "kv-1 restores"
 */
public record TimelineEvent(Instant at, Kind kind, String label) {

    /** The kinds of marker, each drawn in its own colour. */
    public enum Kind {
        BACKUP, RESTORE, OPERATION
    }

    public TimelineEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }
}
