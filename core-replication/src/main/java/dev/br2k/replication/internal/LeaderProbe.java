package dev.br2k.replication.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
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
    private static final Set<String> LEADING = Set.of("LEADER", "REGISTER");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(TIMEOUT_MILLIS))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile URI target;
    private volatile long failingSince;
    private volatile boolean lastOk = true;
    private volatile int refusedInARow;

    /** Starts a probe of {@code url} unless one is still running; results arrive asynchronously. */
    void probe(URI url) {
        if (!url.equals(target)) {
            target = url;
            lastOk = true;
            failingSince = 0;
            refusedInARow = 0;
        }
        if (!inFlight.compareAndSet(false, true)) {
            return;
        }
        HttpRequest req = HttpRequest.newBuilder(url.resolve("/br2k/status"))
                .timeout(Duration.ofMillis(TIMEOUT_MILLIS)).GET().build();
        http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((res, err) -> {
            inFlight.set(false);
            if (!url.equals(target)) {
                return;
            }
            boolean ok = err == null && res.statusCode() == 200 && leading(res.body());
            refusedInARow = refused(err) ? refusedInARow + 1 : 0;
            if (ok) {
                failingSince = 0;
            } else if (failingSince == 0) {
                failingSince = System.nanoTime();
            }
            lastOk = ok;
        });
    }

    /** False when the last probe of {@code url} failed; true if it answered or was never probed. */
    boolean answers(URI url) {
        return !url.equals(target) || lastOk;
    }

    /** How long {@code url} has failed every probe, in nanoseconds (0 if it answered last). */
    long failingFor(URI url) {
        long since = failingSince;
        return !url.equals(target) || since == 0 ? 0 : System.nanoTime() - since;
    }

    /**
     * True when {@code url} refused the last {@code probes} connections: nothing listens there, so the
     * process is gone (a stuck or partitioned one times out instead).
     */
    boolean refusing(URI url, int probes) {
        return url.equals(target) && refusedInARow >= probes;
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
        try {
            JsonNode role = Json.MAPPER.readTree(body).get("role");
            return role != null && LEADING.contains(role.asText());
        } catch (Exception e) {
            return false;
        }
    }
}
