package dev.br2k.watch.logs;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the log pane: a line of a replica's log, or a notice from the stream itself
 * (reconnecting, a gap, the end).
 *
 * @param replica   the replica it came from
 * @param timestamp when it was written, if known
 * @param text      the line
 * @param notice    true for the stream's own notices, shown differently
 * @param level     the line's level ({@link LogLevel#NONE} for notices and lines that name none)
 */
public record LogEntry(String replica, Optional<Instant> timestamp, String text, boolean notice, LogLevel level) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    static {
        // Load the zone rules with the class (see load()), not on the UI thread's first render.
        TIME.format(Instant.EPOCH);
    }

    public LogEntry {
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(level, "level");
    }

    /** A line whose level is read from its text. */
    public static LogEntry line(String replica, Optional<Instant> timestamp, String text) {
        return line(replica, timestamp, text, LogLevel.NONE);
    }

    /** A line whose level is read from its text, or is {@code otherwise} when the text names none (a stack trace's line). */
    public static LogEntry line(String replica, Optional<Instant> timestamp, String text, LogLevel otherwise) {
        LogLevel level = LogLevel.of(text);
        return new LogEntry(replica, timestamp, text, false, level == LogLevel.NONE ? otherwise : level);
    }

    public static LogEntry notice(String replica, String text) {
        return new LogEntry(replica, Optional.of(Instant.now()), text, true, LogLevel.NONE);
    }

    /** The length of the prefix {@link #render} puts before the text: the time and the replica's name. */
    public static int prefixLength(LogEntry e, boolean withTimestamp, boolean withReplica) {
        return (withTimestamp && e.timestamp.isPresent() ? 14 : 0) + (withReplica ? e.replica.length() + 3 : 0);
    }

    /**
     * Nothing; calling it initialises the class, which loads the time-zone rules (some milliseconds).
     * The log pane calls it on a pool thread, so that the UI thread's first entry, the pane's connecting
     * row, does not.
     */
    static void load() {
    }

    /** The row as shown: optional time, optional replica prefix, the text. */
    public String render(boolean withTimestamp, boolean withReplica) {
        StringBuilder b = new StringBuilder(text.length() + 40);
        if (withTimestamp && timestamp.isPresent()) {
            b.append(TIME.format(timestamp.get())).append("  ");
        }
        if (withReplica) {
            b.append('[').append(replica).append("] ");
        }
        if (notice) {
            b.append("— ").append(text).append(" —");
        } else {
            b.append(text);
        }
        return b.toString();
    }

    /** True if the filter occurs in the text or the replica's name, ignoring case. */
    public boolean matches(String lowerCaseFilter) {
        return lowerCaseFilter.isEmpty() || text.toLowerCase().contains(lowerCaseFilter)
                || replica.toLowerCase().contains(lowerCaseFilter);
    }
}
