package dev.br2k.cluster;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a replica's log.
 *
 * @param replica   the replica
 * @param container {@code service} or {@code etcd}
 * @param sequence  1 for the first line this stream delivered, then +1 per line, across reconnects
 * @param timestamp when it was written, when the source says so (Kubernetes does; local files when the line starts with one)
 * @param text      the line without its line break
 */
public record LogLine(String replica, String container, long sequence, Optional<Instant> timestamp, String text) {

    public LogLine {
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(text, "text");
    }
}
