package dev.br2k.watch.logs;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.watch.common.UserMessages;
import dev.br2k.watch.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The log pane: one replica's log, or every replica's with a name prefix. Lines arrive on stream
 * threads into a bounded {@link LogBuffer}; the view calls {@link #flush()} on its animation pulse, at
 * most about ten times a second, so rows are added in batches and a chatty replica cannot flood the
 * UI thread. Following (scroll to the newest line) is on by default; pausing freezes the rows while
 * the stream keeps running into the bounded inbox.
 */
public final class LogPaneViewModel implements AutoCloseable {

    /**
     * At most this many rows are added per flush, so one pulse's work is bounded even after a pause
     * or a burst; what does not fit waits for the next flush (2,500 rows ten times a second keep up
     * with 25,000 lines/s; beyond that the bounded inbox drops the oldest).
     */
    public static final int MAX_ROWS_PER_FLUSH = 2_500;

    private final TaskExecutor executor;
    private final LogSource source;
    private final LogBuffer buffer;
    private final FilteredList<LogEntry> visible;
    private final StringProperty target = new SimpleStringProperty("");
    private final BooleanProperty allReplicas = new SimpleBooleanProperty();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final BooleanProperty timestamps = new SimpleBooleanProperty(true);
    private final BooleanProperty previous = new SimpleBooleanProperty();
    private final BooleanProperty etcd = new SimpleBooleanProperty();
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Select a replica to stream its log.");
    private final List<LogStream> streams = new CopyOnWriteArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();
    private List<String> replicas = List.of();

    public LogPaneViewModel(TaskExecutor executor, LogSource source, int capacity) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.source = Objects.requireNonNull(source, "source");
        this.buffer = new LogBuffer(capacity);
        this.visible = new FilteredList<>(buffer.lines(), e -> true);
        filter.addListener((o, was, now) -> {
            String f = now == null ? "" : now.trim().toLowerCase();
            visible.setPredicate(f.isEmpty() ? e -> true : e -> e.matches(f));
        });
        previous.addListener((o, was, now) -> reconnect());
        etcd.addListener((o, was, now) -> reconnect());
        paused.addListener((o, was, now) -> {
            if (!now) {
                flush();
            }
        });
    }

    /** Streams one replica's log. */
    public void showReplica(String replica) {
        Objects.requireNonNull(replica, "replica");
        replicas = List.of(replica);
        allReplicas.set(false);
        target.set(replica);
        reconnect();
    }

    /** Streams every replica's log, each line prefixed with the replica's name. */
    public void showAll(List<String> names) {
        replicas = List.copyOf(names);
        allReplicas.set(true);
        target.set("all replicas");
        reconnect();
    }

    /** Closes the streams and opens them again from the last lines (buffer cleared). */
    public void reconnect() {
        int gen = generation.incrementAndGet();
        closeStreams();
        buffer.clear();
        if (replicas.isEmpty()) {
            return;
        }
        boolean prev = previous.get() && !allReplicas.get();
        String container = etcd.get() ? LogOptions.ETCD : LogOptions.SERVICE;
        LogOptions options = prev ? LogOptions.builder().container(container).previous(true).allLines().build()
                : LogOptions.builder().container(container).tailLines(allReplicas.get() ? 200 : 500).build();
        status.set((prev ? "Reading the previous run of " : "Connecting to ") + target.get() + "…");
        List<String> names = replicas;
        executor.submit("Stream the log of " + target.get(), context -> {
            List<LogStream> opened = new ArrayList<>();
            for (String name : names) {
                opened.add(source.open(name, options, listener(name, gen)));
            }
            return opened;
        }, opened -> {
            if (gen != generation.get()) {
                opened.forEach(LogStream::close);
                return;
            }
            streams.addAll(opened);
            status.set(prev ? "Previous run of " + target.get() : "Streaming " + target.get());
        }, failure -> status.set(UserMessages.describe("Streaming the log of " + target.get(), failure)));
    }

    private LogListener listener(String replica, int gen) {
        return new LogListener() {
            @Override
            public void onLine(LogLine line) {
                if (gen == generation.get()) {
                    buffer.offer(LogEntry.line(replica, line.timestamp(), line.text()));
                }
            }

            @Override
            public void onGap(String reason) {
                if (gen == generation.get()) {
                    buffer.offer(LogEntry.notice(replica, "lines may be missing here: " + reason));
                }
            }

            @Override
            public void onReconnecting(String cause) {
                if (gen == generation.get()) {
                    buffer.offer(LogEntry.notice(replica, "reconnecting: " + cause));
                    executor.onUi(() -> status.set("Reconnecting to " + replica + "…"));
                }
            }

            @Override
            public void onError(ClusterException error) {
                if (gen == generation.get()) {
                    buffer.offer(LogEntry.notice(replica, "stream stopped: " + error.getMessage()));
                    executor.onUi(() -> status.set("The log stream of " + replica + " stopped. " + error.getMessage()
                            + " Press Reconnect to try again."));
                }
            }

            @Override
            public void onEnd() {
                if (gen == generation.get()) {
                    buffer.offer(LogEntry.notice(replica, "end of log"));
                }
            }
        };
    }

    /** Moves arrived lines into the rows; UI thread, called by the view's pulse. Returns rows added. */
    public int flush() {
        return paused.get() ? 0 : buffer.drain(MAX_ROWS_PER_FLUSH);
    }

    /** Writes the rows that pass the filter to {@code file}, as shown (with timestamps if on). */
    public void download(Path file) throws IOException {
        boolean ts = timestamps.get();
        boolean prefix = allReplicas.get();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (LogEntry e : List.copyOf(visible)) {
                out.write(e.render(ts, prefix));
                out.newLine();
            }
        }
    }

    /** {@link #download} for the view: the outcome goes to the status line. */
    public boolean saveTo(Path file) {
        try {
            download(file);
            status.set("Saved " + visible.size() + " lines to " + file + ".");
            return true;
        } catch (IOException e) {
            status.set("Could not save the log to " + file + ": " + e.getMessage() + ". Choose another folder.");
            return false;
        }
    }

    /** Stops streaming. */
    public void stop() {
        generation.incrementAndGet();
        closeStreams();
        replicas = List.of();
        status.set("Stopped.");
    }

    private void closeStreams() {
        List<LogStream> old = new ArrayList<>(streams);
        streams.clear();
        old.forEach(LogStream::close);
    }

    public FilteredList<LogEntry> visibleLines() {
        return visible;
    }

    public LogBuffer buffer() {
        return buffer;
    }

    public ReadOnlyStringProperty targetProperty() {
        return target;
    }

    public BooleanProperty allReplicasProperty() {
        return allReplicas;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public BooleanProperty timestampsProperty() {
        return timestamps;
    }

    public BooleanProperty previousProperty() {
        return previous;
    }

    /** Show the replicas' etcd members' logs instead of the service's. */
    public BooleanProperty etcdProperty() {
        return etcd;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    @Override
    public void close() {
        stop();
    }
}
