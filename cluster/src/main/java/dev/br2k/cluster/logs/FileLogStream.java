package dev.br2k.cluster.logs;

import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams a log file that a process appends to. Keeps its byte position: a file replaced by a new
 * one (the process restarted and its old log was moved aside) is read to its end before the new one
 * is read from its start, so nothing is lost; a file cut shorter than the position is reported as a
 * gap.
 */
public final class FileLogStream extends LogPump {

    private static final long POLL_MILLIS = 150;

    private final Path file;
    private final Path previousFile;
    private final LogOptions options;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private boolean sinceReached;
    private RandomAccessFile preparedIn;
    private Object preparedKey;
    private long preparedPosition;

    /**
     * @param file         the current log
     * @param previousFile the log of the previous run, read when {@link LogOptions#previous()}
     */
    public FileLogStream(String replica, Path file, Path previousFile, LogOptions options, LogListener listener) {
        super(replica, options.container(), listener);
        this.file = Objects.requireNonNull(file, "file");
        this.previousFile = Objects.requireNonNull(previousFile, "previousFile");
        this.options = options;
        this.sinceReached = options.since().isEmpty();
    }

    @Override
    protected void prepare() throws IOException {
        Path target = options.previous() ? previousFile : file;
        RandomAccessFile in = new RandomAccessFile(target.toFile(), "r");
        try {
            preparedKey = fileKey(target);
            preparedPosition = startPosition(in);
            preparedIn = in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    @Override
    protected void pump() throws IOException {
        Path target = options.previous() ? previousFile : file;
        boolean waitingReported = false;
        RandomAccessFile in = preparedIn;
        Object key = preparedKey;
        long position = preparedPosition;
        try {
            while (!closed()) {
                if (in == null) {
                    try {
                        in = new RandomAccessFile(target.toFile(), "r");
                        key = fileKey(target);
                        position = startPosition(in);
                    } catch (IOException e) {
                        if (!options.follow()) {
                            return; // nothing to read
                        }
                        if (!waitingReported) {
                            reconnecting("waiting for " + target.getFileName() + " to appear");
                            waitingReported = true;
                        }
                        if (!pause(POLL_MILLIS)) {
                            return;
                        }
                        continue;
                    }
                }
                position = drain(in, position);
                if (!options.follow()) {
                    flushPartial();
                    return;
                }
                Object currentKey;
                long currentSize;
                try {
                    currentKey = fileKey(target);
                    currentSize = Files.size(target);
                } catch (NoSuchFileException e) {
                    currentKey = null;
                    currentSize = -1;
                }
                if (currentKey != null && !currentKey.equals(key)) {
                    // Replaced: finish the old file through the handle we hold, then start the new one.
                    position = drain(in, position);
                    flushPartial();
                    in.close();
                    in = new RandomAccessFile(target.toFile(), "r");
                    key = currentKey;
                    position = 0;
                    continue;
                }
                if (currentKey != null && currentSize < position) {
                    gap(target.getFileName() + " was truncated from " + position + " to " + currentSize
                            + " bytes; lines written before the truncation may be missing");
                    partial.reset();
                    position = 0;
                    continue;
                }
                if (!pause(POLL_MILLIS)) {
                    return;
                }
            }
        } finally {
            if (in != null) {
                in.close();
            }
        }
    }

    private long startPosition(RandomAccessFile in) throws IOException {
        if (options.tailLines().isEmpty()) {
            return 0;
        }
        int wanted = options.tailLines().getAsInt();
        long length = in.length();
        if (wanted == 0) {
            return length;
        }
        long pos = length;
        int newlines = 0;
        byte[] buf = new byte[8192];
        // A trailing newline ends the last line; it does not start another.
        long scanEnd = length;
        if (length > 0) {
            in.seek(length - 1);
            if (in.read() == '\n') {
                scanEnd = length - 1;
            }
        }
        pos = scanEnd;
        while (pos > 0) {
            int n = (int) Math.min(buf.length, pos);
            in.seek(pos - n);
            in.readFully(buf, 0, n);
            for (int i = n - 1; i >= 0; i--) {
                if (buf[i] == '\n' && ++newlines == wanted) {
                    return pos - n + i + 1;
                }
            }
            pos -= n;
        }
        return 0;
    }

    private long drain(RandomAccessFile in, long position) throws IOException {
        byte[] buf = new byte[16384];
        long length = in.length();
        while (position < length && !closed()) {
            in.seek(position);
            int n = in.read(buf, 0, (int) Math.min(buf.length, length - position));
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    emit(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                } else {
                    partial.write(buf[i]);
                }
            }
            position += n;
        }
        return position;
    }

    private void flushPartial() {
        if (partial.size() > 0) {
            emit(partial.toString(StandardCharsets.UTF_8));
            partial.reset();
        }
    }

    private void emit(String raw) {
        String text = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        Optional<Instant> ts = LineTimestamps.leading(text);
        if (!sinceReached) {
            // Lines without a timestamp go with the line before them.
            if (ts.isEmpty() || ts.get().isBefore(options.since().get())) {
                return;
            }
            sinceReached = true;
        }
        deliver(ts, text);
    }

    private static Object fileKey(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return a.fileKey() != null ? a.fileKey() : a.creationTime();
    }
}
