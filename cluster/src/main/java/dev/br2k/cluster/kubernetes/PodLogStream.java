package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.logs.LogPump;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Streams a pod container's log with timestamps. After a dropped connection it reconnects from the
 * last timestamp it delivered and skips the lines it already delivered, so a reconnect neither loses
 * nor repeats lines. When the container restarted meanwhile, the rest of the previous container's log
 * is read first; when it restarted more than once, the runs in between are gone from the kubelet and
 * that is reported as a gap.
 */
public final class PodLogStream extends LogPump {

    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final LogOptions options;
    private volatile Closeable current;

    private Instant lastTs;
    private long deliveredAtLastTs;

    public PodLogStream(KubernetesClient client, String namespace, String pod, LogOptions options, LogListener listener) {
        super(pod, options.container(), listener);
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.options = options;
    }

    @Override
    protected void pump() throws IOException {
        boolean first = true;
        int restartsAtConnect = -1;
        long backoff = 250;
        while (!closed()) {
            PodResource resource = client.pods().inNamespace(namespace).withName(pod);
            Pod p;
            try {
                p = resource.get();
            } catch (RuntimeException e) {
                p = null;
                if (!options.follow()) {
                    throw new ClusterException("Cannot read pod " + pod + ": " + e.getMessage(), e);
                }
            }
            if (p == null) {
                if (!options.follow()) {
                    throw new ClusterException("There is no pod " + pod + " in namespace " + namespace + ".");
                }
                reconnecting("pod " + pod + " does not exist (yet)");
                if (!pause(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
                continue;
            }
            int restarts = PodHealth.restarts(p, container);
            if (!first && restartsAtConnect >= 0 && restarts > restartsAtConnect) {
                if (restarts - restartsAtConnect == 1) {
                    readPrevious(resource);
                } else {
                    gap("container " + container + " of " + pod + " restarted " + (restarts - restartsAtConnect)
                            + " times while disconnected; Kubernetes keeps only the previous run's log, so lines of the runs before it are missing");
                    readPrevious(resource);
                }
            }
            restartsAtConnect = restarts;
            try {
                long before = delivered();
                read(resource, first);
                if (delivered() > before) {
                    backoff = 250;
                }
            } catch (IOException | RuntimeException e) {
                if (closed()) {
                    return;
                }
                if (!options.follow()) {
                    throw new ClusterException("Reading the log of " + pod + "/" + container + " failed: " + e.getMessage(), e);
                }
                reconnecting("log connection of " + pod + "/" + container + " failed: " + e.getMessage());
            }
            first = false;
            if (!options.follow() || closed()) {
                return;
            }
            reconnecting("log connection of " + pod + "/" + container + " ended; reconnecting from " + lastTs);
            if (!pause(backoff)) {
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private void read(PodResource resource, boolean first) throws IOException {
        var c = resource.inContainer(container).usingTimestamps();
        Optional<Instant> since = first ? options.since() : Optional.ofNullable(lastTs);
        var timed = options.previous() ? c.terminated() : c;
        if (since.isPresent()) {
            var s = timed.sinceTime(since.get().truncatedTo(ChronoUnit.SECONDS).toString());
            if (options.follow()) {
                consume(s.watchLog());
            } else {
                consume(s.getLogInputStream());
            }
        } else if ((first || lastTs == null) && options.tailLines().isPresent()) {
            var t = timed.tailingLines(options.tailLines().getAsInt());
            if (options.follow()) {
                consume(t.watchLog());
            } else {
                consume(t.getLogInputStream());
            }
        } else if (options.follow()) {
            consume(timed.watchLog());
        } else {
            consume(timed.getLogInputStream());
        }
    }

    private void readPrevious(PodResource resource) {
        try {
            var c = resource.inContainer(container).usingTimestamps().terminated();
            InputStream in = lastTs == null ? c.getLogInputStream()
                    : c.sinceTime(lastTs.truncatedTo(ChronoUnit.SECONDS).toString()).getLogInputStream();
            consume(in);
        } catch (IOException | RuntimeException e) {
            gap("the end of " + pod + "/" + container + "'s previous run could not be read (" + e.getMessage()
                    + "); its last lines may be missing");
        }
    }

    private void consume(LogWatch watch) throws IOException {
        current = watch;
        try {
            consume(watch.getOutput());
        } finally {
            watch.close();
            current = null;
        }
    }

    private void consume(InputStream in) throws IOException {
        Closeable previous = current;
        if (previous == null) {
            current = in;
        }
        long skipAtLastTs = deliveredAtLastTs;
        Instant replayTs = lastTs;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!closed() && (line = reader.readLine()) != null) {
                int space = line.indexOf(' ');
                Instant ts = null;
                if (space > 0) {
                    try {
                        ts = Instant.parse(line.substring(0, space));
                    } catch (DateTimeParseException e) {
                        ts = null;
                    }
                }
                String text = ts == null ? line : line.substring(space + 1);
                if (ts != null && replayTs != null) {
                    if (ts.isBefore(replayTs)) {
                        continue; // delivered before the reconnect
                    }
                    if (ts.equals(replayTs) && skipAtLastTs > 0) {
                        skipAtLastTs--;
                        continue;
                    }
                }
                if (ts != null) {
                    if (ts.equals(lastTs)) {
                        deliveredAtLastTs++;
                    } else {
                        lastTs = ts;
                        deliveredAtLastTs = 1;
                    }
                }
                deliver(Optional.ofNullable(ts), text);
            }
        } finally {
            if (previous == null) {
                current = null;
            }
        }
    }

    @Override
    protected void interrupt() {
        Closeable c = current;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }
}
