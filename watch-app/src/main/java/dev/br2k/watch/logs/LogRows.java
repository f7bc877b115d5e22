package dev.br2k.watch.logs;

import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pane's rows: a read-only observable list over a fixed ring of {@code capacity} slots. Appending
 * a batch overwrites the oldest rows in place and is reported as <em>one</em> change (the head rows
 * removed, the batch added at the end), so the list view sees a single, constant-size update per
 * batch instead of a head removal that shifts every row and a separate append; nothing is copied
 * and no array grows. UI thread only.
 */
final class LogRows extends ObservableListBase<LogEntry> {

    private final LogEntry[] ring;
    private int head;
    private int size;

    LogRows(int capacity) {
        this.ring = new LogEntry[capacity];
    }

    @Override
    public LogEntry get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return ring[(head + index) % ring.length];
    }

    @Override
    public int size() {
        return size;
    }

    /** Appends the batch (at most capacity rows of it: its newest), dropping the oldest rows as needed. */
    void append(List<LogEntry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<LogEntry> added = batch.size() > ring.length ? batch.subList(batch.size() - ring.length, batch.size()) : batch;
        int drop = Math.max(0, size + added.size() - ring.length);
        List<LogEntry> removed = new ArrayList<>(drop);
        for (int i = 0; i < drop; i++) {
            removed.add(ring[(head + i) % ring.length]);
        }
        beginChange();
        try {
            if (drop > 0) {
                nextRemove(0, removed);
            }
            int tail = (head + size) % ring.length;
            for (LogEntry e : added) {
                ring[tail] = e;
                tail = (tail + 1) % ring.length;
            }
            head = (head + drop) % ring.length;
            size = size - drop + added.size();
            nextAdd(size - added.size(), size);
        } finally {
            endChange();
        }
    }

    /** Removes every row. */
    void removeAll() {
        if (size == 0) {
            return;
        }
        List<LogEntry> removed = new ArrayList<>(this);
        java.util.Arrays.fill(ring, null);
        head = 0;
        size = 0;
        beginChange();
        try {
            nextRemove(0, Collections.unmodifiableList(removed));
        } finally {
            endChange();
        }
    }
}
