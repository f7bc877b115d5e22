package dev.br2k.watch.logs;

import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounded log storage between stream threads and the UI. Stream threads {@link #offer} lines into an
 * inbox (cheap, synchronized); the UI thread {@link #drain(int)}s at most a chunk of the inbox at a
 * time into {@link #lines()}, a ring of {@link #capacity()} rows that drops the oldest in the same
 * change that appends (see {@link LogRows}). The inbox is bounded too, so a replica that logs faster
 * than the UI renders costs memory for at most {@code capacity} lines.
 */
public final class LogBuffer {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ArrayDeque<LogEntry> inbox = new ArrayDeque<>();
    private final LogRows lines;
    private long received;
    private long dropped;

    public LogBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.lines = new LogRows(capacity);
    }

    /** From any thread. */
    public synchronized void offer(LogEntry entry) {
        received++;
        inbox.addLast(entry);
        if (inbox.size() > capacity) {
            inbox.removeFirst();
            dropped++;
        }
    }

    /** Moves everything that arrived into {@link #lines()} in one change; UI thread. Returns how many rows were added. */
    public int drain() {
        return drain(Integer.MAX_VALUE);
    }

    /**
     * Moves at most {@code max} of the oldest waiting lines into {@link #lines()} in one change; UI
     * thread. Returns how many rows were added.
     */
    public int drain(int max) {
        return drain(max, false);
    }

    /**
     * {@link #drain(int)}; with {@code byTime}, the batch is ordered by the lines' timestamps first (a
     * stable sort: a line without one keeps the time of the line before it), which interleaves the
     * lines of several replicas that arrived in the same batch.
     */
    public int drain(int max, boolean byTime) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, was " + max);
        }
        List<LogEntry> batch;
        synchronized (this) {
            int n = Math.min(max, inbox.size());
            if (n == 0) {
                return 0;
            }
            batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(inbox.pollFirst());
            }
        }
        if (byTime) {
            batch = byTime(batch);
        }
        lines.append(batch);
        return batch.size();
    }

    private static List<LogEntry> byTime(List<LogEntry> batch) {
        record Timed(LogEntry entry, Instant time, int order) {
        }
        List<Timed> timed = new ArrayList<>(batch.size());
        Map<String, Instant> last = new HashMap<>(); // per replica: a line without a time goes with the one before it
        for (LogEntry e : batch) {
            Instant time = e.timestamp().orElseGet(() -> last.getOrDefault(e.replica(), Instant.MIN));
            last.put(e.replica(), time);
            timed.add(new Timed(e, time, timed.size()));
        }
        timed.sort(Comparator.comparing(Timed::time).thenComparingInt(Timed::order));
        return timed.stream().map(Timed::entry).toList();
    }

    /** Empties the buffer (e.g. when the pane switches replicas); UI thread. */
    public void clear() {
        synchronized (this) {
            inbox.clear();
        }
        lines.removeAll();
    }

    /** Lines waiting in the inbox. */
    public synchronized int pending() {
        return inbox.size();
    }

    public synchronized long received() {
        return received;
    }

    /** Lines dropped from the inbox before the UI took them (the UI was paused or too slow). */
    public synchronized long dropped() {
        return dropped;
    }

    /** The rows, oldest first; at most {@link #capacity()}. UI thread. */
    public ObservableList<LogEntry> lines() {
        return lines;
    }

    public int capacity() {
        return capacity;
    }
}
