package dev.br2k.watch.logs;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounded log storage between stream threads and the UI. Stream threads {@link #offer} lines into an
 * inbox (cheap, synchronized); the UI thread {@link #drain()}s the inbox in one batch into
 * {@link #lines()}, dropping the oldest rows beyond {@link #capacity()}. The inbox is bounded too, so
 * a replica that logs faster than the UI renders costs memory for at most {@code capacity} lines.
 */
public final class LogBuffer {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final ArrayDeque<LogEntry> inbox = new ArrayDeque<>();
    private final ObservableList<LogEntry> lines = FXCollections.observableArrayList();
    private long received;
    private long dropped;

    public LogBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
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

    /** Moves what arrived into {@link #lines()} in one change; UI thread. Returns how many rows were added. */
    public int drain() {
        List<LogEntry> batch;
        synchronized (this) {
            if (inbox.isEmpty()) {
                return 0;
            }
            batch = new ArrayList<>(inbox);
            inbox.clear();
        }
        int overflow = lines.size() + batch.size() - capacity;
        if (overflow > 0) {
            if (overflow >= lines.size()) {
                lines.setAll(batch.subList(Math.max(0, batch.size() - capacity), batch.size()));
                return batch.size();
            }
            lines.remove(0, overflow);
        }
        lines.addAll(batch);
        return batch.size();
    }

    /** Empties the buffer (e.g. when the pane switches replicas); UI thread. */
    public void clear() {
        synchronized (this) {
            inbox.clear();
        }
        lines.clear();
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
