package dev.br2k.replication.internal;

import dev.br2k.protocol.ProtocolException;
import dev.br2k.protocol.Role;
import dev.br2k.protocol.status.ReplicaStatusRecord;
import dev.br2k.protocol.status.StatusCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks the replica that should be leading whether it is: {@code GET /br2k/status} answered within
 * {@value #TIMEOUT_MILLIS} ms with role {@code LEADER} or {@code REGISTER}. Etcd notices a dead etcd member
 * within its election timeout, but not a dead or stuck <em>service</em> beside a healthy member, and the
 * members' leases take seconds to expire; this probe tells within a few role checks.
 *
 * <p>Followers use the answer twice: they redirect clients only to a leader that answers (and say 503
 * otherwise, instead of sending clients to wait on a dead one), and {@link Membership} moves Raft leadership
 * away from a member whose replica has not answered as leader for a while.
 */
final class LeaderProbe {
    static final int TIMEOUT_MILLIS = 500;
    private static final Set<Role> LEADING = Set.of(Role.LEADER, Role.REGISTER);
    /** Replicas whose health is remembered; the one probed longest ago is forgotten beyond this. */
    private static final int REMEMBERED = 16;

    /** What the probes of one replica said. */
    private static final class Health {
        final AtomicBoolean inFlight = new AtomicBoolean();
        volatile long lastProbe;
        volatile long failingSince;
        volatile boolean lastOk = true;
        volatile int refusedInARow;
    }

    private final long staleNanos;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(TIMEOUT_MILLIS))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    /**
     * Per replica URL: a probe of one replica never resets what is known about another (a single probe target
     * did: after the target moved on and back, a dead leader counted as answering until probed again).
     */
    private final Map<URI, Health> health = new ConcurrentHashMap<>();

    /**
     * @param staleAfter how long after the last probe of a replica its failures stop counting: the next probe
     *                   starts a new count (a role check probes the known leader every interval, so this is a few
     *                   intervals)
     */
    LeaderProbe(Duration staleAfter) {
        this.staleNanos = staleAfter.toNanos();
    }

    /**
     * Starts a probe of {@code url} unless one of it is still running; results arrive asynchronously.
     *
     * <p>Failures count only over probes in a row: when {@code url} was not probed for longer than the staleness
     * limit (another replica led meanwhile), its failing time and refusals start again from this probe, and it
     * stays untrusted ({@link #answers}) until it answers. Before, a replica that had failed its probes while it
     * stepped down, then led again minutes later, counted as failing since then at the first probe: a follower
     * moved Raft leadership away from the new leader 150 ms after it took over, and back again (leadership
     * ping-pong, 0.8 s of failover in the robustness run).
     */
    void probe(URI url) {
        Health h = health.computeIfAbsent(url, u -> new Health());
        long now = System.nanoTime();
        if (now - h.lastProbe > staleNanos) {
            h.refusedInARow = 0;
            if (h.failingSince != 0) {
                h.failingSince = now;
            }
        }
        h.lastProbe = now;
        forgetOldest();
        if (!h.inFlight.compareAndSet(false, true)) {
            return;
        }
        HttpRequest req = HttpRequest.newBuilder(url.resolve("/br2k/status"))
                .timeout(Duration.ofMillis(TIMEOUT_MILLIS)).GET().build();
        http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((res, err) -> {
            boolean ok = err == null && res.statusCode() == 200 && leading(res.body());
            h.refusedInARow = refused(err) ? h.refusedInARow + 1 : 0;
            if (ok) {
                h.failingSince = 0;
            } else if (h.failingSince == 0) {
                h.failingSince = System.nanoTime();
            }
            h.lastOk = ok;
            h.inFlight.set(false);
        });
    }

    private void forgetOldest() {
        while (health.size() > REMEMBERED) {
            health.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().lastProbe))
                    .ifPresent(e -> health.remove(e.getKey(), e.getValue()));
        }
    }

    /** False when the last probe of {@code url} failed; true if it answered or was never probed. */
    boolean answers(URI url) {
        Health h = health.get(url);
        return h == null || h.lastOk;
    }

    /** How long {@code url} has failed every probe, in nanoseconds (0 if it answered last or was never probed). */
    long failingFor(URI url) {
        Health h = health.get(url);
        long since = h == null ? 0 : h.failingSince;
        return since == 0 ? 0 : System.nanoTime() - since;
    }

    /**
     * True when {@code url} refused the last {@code probes} connections: nothing listens there, so the
     * process is gone (a stuck or partitioned one times out instead).
     */
    boolean refusing(URI url, int probes) {
        Health h = health.get(url);
        return h != null && h.refusedInARow >= probes;
    }

    /**
     * Asks {@code url} now, waiting at most {@value #TIMEOUT_MILLIS} ms: the index it has applied if it answers
     * as a {@code FOLLOWER}, empty if it answers otherwise (starting, restoring, leading) or not at all. Its
     * member key in etcd cannot tell this: a frozen or restarting replica keeps its key for the lease's seconds.
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    OptionalLong followingAt(URI url) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(url.resolve("/br2k/status"))
                .timeout(Duration.ofMillis(TIMEOUT_MILLIS)).GET().build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            Optional<ReplicaStatusRecord> status = res.statusCode() == 200 ? decode(res.body()) : Optional.empty();
            return status.filter(s -> s.role() == Role.FOLLOWER).map(s -> OptionalLong.of(s.lpi())).orElse(OptionalLong.empty());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean refused(Throwable err) {
        for (Throwable t = err; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException && !(t instanceof java.net.http.HttpConnectTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    private static boolean leading(String body) {
        return decode(body).map(s -> LEADING.contains(s.role())).orElse(false);
    }

    /** The status in {@code body}; empty (does not answer as a replica of this version) when it is not one. */
    private static Optional<ReplicaStatusRecord> decode(String body) {
        try {
            return Optional.of(StatusCodec.decode(body));
        } catch (ProtocolException e) {
            return Optional.empty();
        }
    }
}
