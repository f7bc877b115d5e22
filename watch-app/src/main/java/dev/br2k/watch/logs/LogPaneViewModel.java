package dev.br2k.watch.logs;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.watch.common.UserMessages;
import dev.br2k.watch.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
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

    /** Rows are added at most this often: ten times a second. */
    public static final long FLUSH_INTERVAL_NANOS = 100_000_000L;

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
    private final ObjectProperty<LogLevel> level = new SimpleObjectProperty<>(LogLevel.NONE);
    private final Map<String, LogLevel> lastLevel = new ConcurrentHashMap<>();
    private boolean holding; // all replicas: their first lines wait until every stream is open, to be interleaved
    private final StringProperty status = new SimpleStringProperty("Select a replica to stream its log.");
    private final Map<String, LogStream> streams = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Object> tokens = new ConcurrentHashMap<>();
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
    private final Map<String, TaskExecutor.Cancellable> retries = new HashMap<>();
    private final AtomicInteger generation = new AtomicInteger();
    private List<String> replicas = List.of();
    private long lastFlush = System.nanoTime() - FLUSH_INTERVAL_NANOS;

    public LogPaneViewModel(TaskExecutor executor, LogSource source, int capacity) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.source = Objects.requireNonNull(source, "source");
        this.buffer = new LogBuffer(capacity);
        ForkJoinPool.commonPool().execute(LogEntry::load); // not on the UI thread: see LogEntry.load()
        this.visible = new FilteredList<>(buffer.lines(), e -> true);
        filter.addListener((o, was, now) -> filterChanged());
        level.addListener((o, was, now) -> filterChanged());
        previous.addListener((o, was, now) -> reconnect());
        etcd.addListener((o, was, now) -> reconnect());
        paused.addListener((o, was, now) -> {
            if (!now) {
                flush();
            }
        });
    }

    private void filterChanged() {
        String f = highlight();
        LogLevel min = level.get() == null ? LogLevel.NONE : level.get();
        visible.setPredicate(f.isEmpty() && min == LogLevel.NONE ? e -> true
                : e -> (e.notice() || e.level().compareTo(min) >= 0) && e.matches(f));
    }

    /** The filter's text as rows are matched against it (trimmed, lower case): what the view highlights. */
    public String highlight() {
        String f = filter.get();
        return f == null ? "" : f.trim().toLowerCase();
    }

    /**
     * The index in {@link #visibleLines()} of the next ERROR row after {@code from} ({@code forward}) or
     * the one before it, wrapping around; empty when no row shown is an error.
     */
    public OptionalInt nextError(int from, boolean forward) {
        int n = visible.size();
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(from + (forward ? step : -step), n);
            LogEntry e = visible.get(i);
            if (!e.notice() && e.level() == LogLevel.ERROR) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
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

    /** Closes the streams and opens them again from the last lines (buffer cleared): the Reconnect button. */
    public void reconnect() {
        int gen = generation.incrementAndGet();
        closeStreams();
        cancelRetries();
        buffer.clear();
        lastSeen.clear();
        lastLevel.clear();
        tokens.clear();
        holding = false;
        if (replicas.isEmpty()) {
            return;
        }
        boolean prev = previous.get() && !allReplicas.get();
        LogOptions options = prev ? options().previous(true).allLines().build()
                : options().tailLines(allReplicas.get() ? 200 : 500).build();
        status.set((prev ? "Reading the previous run of " : "Connecting to ") + target.get() + "…");
        List<String> names = replicas;
        for (String name : names) {
            buffer.offer(LogEntry.notice(name, (prev ? "reading the previous run of " : "connecting to ") + name + "…"));
        }
        // The connecting rows are shown at once and count as a flush: the stream's first lines come at
        // the next one, a pulse later, so the pane's first row (its cell, style and font, the first ever
        // in the app) is not drawn in the same pulse as the first screenful of lines.
        buffer.drain();
        lastFlush = System.nanoTime();
        holding = allReplicas.get() && names.size() > 1;
        executor.submit("Stream the log of " + target.get(), context -> {
            Map<String, LogStream> opened = new LinkedHashMap<>();
            try {
                for (String name : names) {
                    opened.put(name, source.open(name, options, listener(name, gen, token(name))));
                }
            } catch (RuntimeException e) {
                opened.values().forEach(LogStream::close); // all or none
                throw e;
            }
            return opened;
        }, opened -> {
            if (gen != generation.get()) {
                opened.values().forEach(LogStream::close);
                return;
            }
            streams.putAll(opened);
            holding = false;
            status.set(prev ? "Previous run of " + target.get() : "Streaming " + target.get());
        }, failure -> {
            holding = false;
            status.set(UserMessages.describe("Streaming the log of " + target.get(), failure));
        });
    }

    /**
     * The cluster reports that {@code replica} runs again (its restart count rose, or it came back to
     * running): if its stream is still open it has followed the log into the new process, else it is
     * opened again from where it stopped; either way a marker row says so. UI thread; ignored for a
     * replica not shown, and for the previous run.
     */
    public void replicaRestarted(String replica, int restarts) {
        Objects.requireNonNull(replica, "replica");
        if (!replicas.contains(replica) || previous.get() && !allReplicas.get()) {
            return;
        }
        this.restarts.put(replica, restarts);
        LogStream stream = streams.get(replica);
        if (stream != null && stream.isOpen()) {
            buffer.offer(LogEntry.notice(replica, reconnectedText(replica)));
        } else {
            reopen(replica, generation.get(), 0);
        }
    }

    private String reconnectedText(String replica) {
        Integer n = restarts.get(replica);
        return "reconnected to " + replica + (n == null || n == 0 ? "" : " (restart " + n + ")");
    }

    private LogOptions.Builder options() {
        return LogOptions.builder().container(etcd.get() ? LogOptions.ETCD : LogOptions.SERVICE);
    }

    /**
     * Opens one replica's stream again after it stopped, from the last line seen (or its last lines),
     * then shows the marker; retries with a growing delay while the replica cannot be read.
     */
    private void reopen(String replica, int gen, int attempt) {
        if (gen != generation.get() || !replicas.contains(replica)) {
            return;
        }
        Object token = new Object();
        tokens.put(replica, token); // the old stream's last events (its end when closed) no longer count
        LogStream old = streams.remove(replica);
        if (old != null) {
            old.close();
        }
        cancelRetry(replica);
        Optional<Instant> since = Optional.ofNullable(lastSeen.get(replica));
        LogOptions options = since.map(t -> options().allLines().since(t).build())
                .orElseGet(() -> options().tailLines(allReplicas.get() ? 200 : 500).build());
        executor.submit("Reconnect the log of " + replica, context -> source.open(replica, options, listener(replica, gen, token)),
                stream -> {
                    if (gen != generation.get() || tokens.get(replica) != token) {
                        stream.close();
                        return;
                    }
                    streams.put(replica, stream);
                    buffer.offer(LogEntry.notice(replica, reconnectedText(replica)));
                    status.set("Streaming " + target.get());
                }, failure -> {
                    if (gen != generation.get() || tokens.get(replica) != token) {
                        return;
                    }
                    Duration delay = retryDelay(attempt);
                    status.set(UserMessages.describe("Reconnecting to " + replica, failure)
                            + " Trying again in " + delay.toSeconds() + " s.");
                    scheduleRetry(replica, gen, attempt + 1, delay);
                });
    }

    /** 1, 2, 4, 8, 16 then 30 s. */
    static Duration retryDelay(int attempt) {
        return Duration.ofSeconds(Math.min(30, 1L << Math.min(attempt, 5)));
    }

    private void scheduleRetry(String replica, int gen, int attempt, Duration delay) {
        cancelRetry(replica);
        retries.put(replica, executor.after(delay, () -> {
            retries.remove(replica);
            reopen(replica, gen, attempt);
        }));
    }

    private void cancelRetry(String replica) {
        TaskExecutor.Cancellable c = retries.remove(replica);
        if (c != null) {
            c.cancel();
        }
    }

    private void cancelRetries() {
        List<String> names = new ArrayList<>(retries.keySet());
        names.forEach(this::cancelRetry);
    }

    /** A new token for the stream about to be opened for {@code replica}: only its events count. */
    private Object token(String replica) {
        Object token = new Object();
        tokens.put(replica, token);
        return token;
    }

    private LogListener listener(String replica, int gen, Object token) {
        return new LogListener() {
            private boolean current() {
                return gen == generation.get() && tokens.get(replica) == token;
            }

            @Override
            public void onLine(LogLine line) {
                if (current()) {
                    line.timestamp().ifPresent(t -> lastSeen.put(replica, t));
                    LogEntry entry = LogEntry.line(replica, line.timestamp(), line.text(), lastLevel.getOrDefault(replica, LogLevel.NONE));
                    lastLevel.put(replica, entry.level());
                    buffer.offer(entry);
                }
            }

            @Override
            public void onGap(String reason) {
                if (current()) {
                    buffer.offer(LogEntry.notice(replica, "lines may be missing here: " + reason));
                }
            }

            @Override
            public void onReconnecting(String cause) {
                if (current()) {
                    buffer.offer(LogEntry.notice(replica, "reconnecting: " + cause));
                    executor.onUi(() -> status.set("Reconnecting to " + replica + "…"));
                }
            }

            @Override
            public void onError(ClusterException error) {
                if (current()) {
                    buffer.offer(LogEntry.notice(replica, "stream stopped: " + error.getMessage()));
                    executor.onUi(() -> streamStopped(replica, gen, token, "The log stream of " + replica + " stopped. "
                            + error.getMessage()));
                }
            }

            @Override
            public void onEnd() {
                if (current()) {
                    buffer.offer(LogEntry.notice(replica, "end of log"));
                    executor.onUi(() -> streamStopped(replica, gen, token, "The log stream of " + replica + " ended."));
                }
            }
        };
    }

    /** A following stream stopped by itself: open it again after a short delay (UI thread). */
    private void streamStopped(String replica, int gen, Object token, String why) {
        if (gen != generation.get() || tokens.get(replica) != token || previous.get() && !allReplicas.get()
                || retries.containsKey(replica)) {
            return;
        }
        Duration delay = retryDelay(0);
        status.set(why + " Reconnecting in " + delay.toSeconds() + " s (or press Reconnect).");
        scheduleRetry(replica, gen, 1, delay);
    }

    /**
     * Moves arrived lines into the rows (at most {@link #MAX_ROWS_PER_FLUSH}); UI thread. Returns rows
     * added. With all replicas, each batch is ordered by time (the replicas' first lines wait until
     * every stream is open, so their tails come in one batch, interleaved).
     */
    public int flush() {
        return paused.get() || holding ? 0 : buffer.drain(MAX_ROWS_PER_FLUSH, allReplicas.get());
    }

    /**
     * {@link #flush()} if at least {@link #FLUSH_INTERVAL_NANOS} passed since the last one (or since
     * connecting), else -1; UI thread, called by the view on every pulse with {@link System#nanoTime()}.
     */
    public int flushIfDue(long nowNanos) {
        if (nowNanos - lastFlush < FLUSH_INTERVAL_NANOS) {
            return -1;
        }
        lastFlush = nowNanos;
        return flush();
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
        cancelRetries();
        replicas = List.of();
        status.set("Stopped.");
    }

    private void closeStreams() {
        List<LogStream> old = new ArrayList<>(streams.values());
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

    /** The lowest level shown ({@link LogLevel#NONE}: every line); the stream's notices are always shown. */
    public ObjectProperty<LogLevel> levelProperty() {
        return level;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    @Override
    public void close() {
        stop();
    }
}
