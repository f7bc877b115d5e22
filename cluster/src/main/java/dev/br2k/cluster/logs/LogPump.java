package dev.br2k.cluster.logs;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Base of the log streams: one daemon thread that runs {@link #pump()}, numbers the lines and
 * shields the stream from a listener that throws.
 */
public abstract class LogPump implements LogStream {

    private static final Logger LOG = LoggerFactory.getLogger(LogPump.class);

    protected final String replica;
    protected final String container;
    private final LogListener listener;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread thread;

    protected LogPump(String replica, String container, LogListener listener) {
        this.replica = replica;
        this.container = container;
        this.listener = listener;
        this.thread = new Thread(this::run, "br2k-logs-" + replica + "-" + container);
        this.thread.setDaemon(true);
    }

    /** Starts the stream's thread; call once, after construction. */
    public final LogPump start() {
        try {
            prepare();
        } catch (Exception e) {
            // pump() retries or reports it
        }
        thread.start();
        return this;
    }

    /** Fixes the starting position on the caller's thread, so the stream starts where the log was when it was opened. */
    protected void prepare() throws Exception {
    }

    /** Reads and delivers until the end (not following) or until {@link #closed()}. */
    protected abstract void pump() throws Exception;

    /** Releases what {@link #pump()} holds open so that it returns promptly; called by {@link #close()}. */
    protected void interrupt() {
    }

    protected final boolean closed() {
        return !open.get();
    }

    protected final void deliver(Optional<Instant> timestamp, String text) {
        LogLine line = new LogLine(replica, container, sequence.incrementAndGet(), timestamp, text);
        try {
            listener.onLine(line);
        } catch (RuntimeException e) {
            LOG.warn("Log listener of {}/{} failed on line {}; the stream goes on", replica, container, line.sequence(), e);
        }
    }

    protected final void gap(String reason) {
        try {
            listener.onGap(reason);
        } catch (RuntimeException e) {
            LOG.warn("Log listener of {}/{} failed on a gap notice", replica, container, e);
        }
    }

    protected final void reconnecting(String cause) {
        try {
            listener.onReconnecting(cause);
        } catch (RuntimeException e) {
            LOG.warn("Log listener of {}/{} failed on a reconnect notice", replica, container, e);
        }
    }

    /** Sleeps while open; false when the stream was closed meanwhile. */
    protected final boolean pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !closed();
    }

    private void run() {
        try {
            pump();
        } catch (ClusterException e) {
            if (!closed()) {
                safeError(e);
            }
        } catch (Exception e) {
            if (!closed()) {
                safeError(new ClusterException("The log stream of " + replica + "/" + container + " failed: " + e
                        + ". Open it again.", e));
            }
        } finally {
            open.set(false);
            try {
                listener.onEnd();
            } catch (RuntimeException e) {
                LOG.warn("Log listener of {}/{} failed on end", replica, container, e);
            }
        }
    }

    private void safeError(ClusterException e) {
        try {
            listener.onError(e);
        } catch (RuntimeException ex) {
            LOG.warn("Log listener of {}/{} failed on error", replica, container, ex);
        }
    }

    @Override
    public final long delivered() {
        return sequence.get();
    }

    @Override
    public final boolean isOpen() {
        return open.get();
    }

    @Override
    public final void close() {
        if (open.compareAndSet(true, false)) {
            interrupt();
            thread.interrupt();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
