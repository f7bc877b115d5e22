package dev.br2k.robustness.client;

import dev.br2k.robustness.RunClock;
import dev.br2k.robustness.workload.PreparedRequest;
import dev.br2k.robustness.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * One client: sends the workload's requests at a set rate, each with its own {@code Br2k-Request-Id},
 * and retries exactly the same request (same id, same signature) until it is acknowledged.
 *
 * <p>Finding the leader: the replica that answered last; after a failure, the published location, then
 * the other replicas in turn (never the one that just failed); a follower's 307 is followed to the leader.
 * A replica that did not answer at all is passed over for a while, as a client library's outlier ejection
 * would: a follower that says 503 "no leader yet" costs milliseconds, an unreachable old leader a whole
 * attempt timeout. One that refused or did not accept the connection (killed, cut off) is passed over for
 * four attempt timeouts; one that took the request and did not answer in time (stopped, or a leader that is
 * only slow while it finishes a backup) for one.
 */
public final class LoadClient implements Runnable {
    static final String REQUEST_ID = "Br2k-Request-Id";
    private static final int MAX_REDIRECTS = 3;
    /** How long, in attempt timeouts, a replica that could not be connected to is passed over. */
    private static final int UNREACHABLE_ATTEMPTS = 4;

    private final int number;
    private final String runId;
    private final List<URI> replicas;
    private final Map<String, String> replicaByAuthority;
    private final LeaderLocator locator;
    private final Workload workload;
    private final ClientSettings settings;
    private final ClientResults results;
    private final RunClock clock;
    private final AtomicBoolean stop;
    private final HttpClient http;
    private URI target;
    private URI failedBefore;
    private int nextCandidate;
    private final Map<URI, Long> unreachableUntil = new HashMap<>();

    /**
     * @param replicaIds the replica id for each URL authority ({@code host:port}), to tell who answered
     * @param stop       set when the client should finish its current request and end
     */
    public LoadClient(int number, String runId, List<URI> replicas, Map<String, String> replicaIds, LeaderLocator locator,
                      Workload workload, ClientSettings settings, ClientResults results, RunClock clock, AtomicBoolean stop) {
        this.number = number;
        this.runId = runId;
        this.replicas = List.copyOf(replicas);
        this.replicaByAuthority = Map.copyOf(replicaIds);
        this.locator = locator;
        this.workload = workload;
        this.settings = settings;
        this.results = results;
        this.clock = clock;
        this.stop = stop;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.attemptTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.target = replicas.get((number - 1) % replicas.size());
        this.nextCandidate = number % replicas.size();
    }

    @Override
    public void run() {
        long period = (long) (1e9 / settings.ratePerSecond());
        long start = clock.now();
        for (long seq = 1; settings.requestsPerClient() == 0 || seq <= settings.requestsPerClient(); seq++) {
            if (stop.get()) {
                return;
            }
            long due = start + (seq - 1) * period;
            long wait = due - clock.now();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(workload.request(number, runId + "-c" + number + "-" + seq));
        }
    }

    private void send(PreparedRequest request) {
        String requestId = request.requestId();
        long firstSent = clock.now();
        long giveUpAt = Long.MAX_VALUE;
        for (int attempt = 1; ; attempt++) {
            if (stop.get() && giveUpAt == Long.MAX_VALUE) {
                giveUpAt = clock.now() + settings.finishTimeout().toNanos();
            }
            if (clock.now() > giveUpAt) {
                results.abandoned(requestId);
                return;
            }
            long attemptStart = clock.now();
            Optional<Answer> answer = attempt(request);
            results.attempt(answer.isEmpty());
            if (answer.isPresent()) {
                Answer a = answer.get();
                results.ack(new Ack(requestId, number, firstSent, attemptStart, clock.now(), a.replica(), attempt, a.counter()));
                return;
            }
            failedOver();
            LockSupport.parkNanos(Duration.ofMillis(attempt < 3 ? 10 : 50).toNanos());
        }
    }

    /** One attempt, following redirects; empty on any retryable failure. */
    private Optional<Answer> attempt(PreparedRequest request) {
        String requestId = request.requestId();
        URI url = target;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<String> res;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(request.path()))
                        .timeout(settings.attemptTimeout()).header(REQUEST_ID, requestId)
                        .method(request.method(), request.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(request.body()));
                request.headers().forEach(b::header);
                res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // no connection at all (refused, or cut off): gone for a while; connected but no answer in time (stopped,
                // or only slow: a leader finishing a backup holds its requests for most of a second): one timeout
                int attempts = connectFailed(e) ? UNREACHABLE_ATTEMPTS : 1;
                unreachableUntil.put(url, clock.now() + settings.attemptTimeout().multipliedBy(attempts).toNanos());
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            int status = res.statusCode();
            unreachableUntil.remove(url); // it answered
            if (status == 200) {
                target = url;
                return Optional.of(new Answer(replicaByAuthority.getOrDefault(url.getAuthority(), url.getAuthority()),
                        workload.appliedPerAnswer(res.body())));
            }
            if (status == 307) {
                results.redirect();
                Optional<String> location = res.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return Optional.empty();
                }
                URI to = URI.create(location.get());
                url = URI.create(to.getScheme() + "://" + to.getAuthority());
                if (unreachable(url, clock.now())) {
                    return Optional.empty(); // the follower has not noticed yet that its leader is gone; this client has
                }
                continue;
            }
            if (status != 503 && status != 502 && status != 504) {
                results.unexpected(requestId + " got " + status + " from " + url + ": " + res.body());
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * After a failure: the published location if it names another replica that answers, else the next
     * replica that answers; when every other replica has just failed to answer, the next one regardless.
     */
    private void failedOver() {
        URI failed = target;
        long now = clock.now();
        Optional<URI> published = locator.location();
        if (published.isPresent() && !published.get().equals(failed) && !published.get().equals(failedBefore)
                && !unreachable(published.get(), now)) {
            failedBefore = failed;
            target = published.get();
            return;
        }
        failedBefore = failed;
        for (int tried = 0; tried < replicas.size(); tried++) {
            URI candidate = replicas.get(nextCandidate);
            nextCandidate = (nextCandidate + 1) % replicas.size();
            if (!candidate.equals(failed) && !unreachable(candidate, now)) {
                target = candidate;
                return;
            }
        }
        do { // never straight back to the replica that just failed: a partitioned one costs a whole timeout
            target = replicas.get(nextCandidate);
            nextCandidate = (nextCandidate + 1) % replicas.size();
        } while (target.equals(failed) && replicas.size() > 1);
    }

    private static boolean connectFailed(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private boolean unreachable(URI replica, long now) {
        Long until = unreachableUntil.get(replica);
        return until != null && now < until;
    }

    private record Answer(String replica, long counter) {
    }
}
