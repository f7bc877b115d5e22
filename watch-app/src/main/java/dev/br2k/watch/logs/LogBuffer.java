package dev.br2k.watch.logs;

import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

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
        lines.append(batch);
        return batch.size();
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
