package dev.br2k.robustness.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** What every client saw, collected while they run. */
public final class ClientResults {
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> abandoned = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong redirects = new AtomicLong();

    void ack(Ack ack) {
        acks.add(ack);
    }

    void abandoned(String requestId) {
        abandoned.add(requestId);
    }

    void unexpected(String what) {
        unexpected.add(what);
    }

    void attempt(boolean failed) {
        attempts.incrementAndGet();
        if (failed) {
            failedAttempts.incrementAndGet();
        }
    }

    void redirect() {
        redirects.incrementAndGet();
    }

    /** Acknowledged requests, in the order the acknowledgements arrived per client. */
    public List<Ack> acks() {
        return new ArrayList<>(acks);
    }

    /** Requests a stopping client gave up on without an answer: their outcome is unknown to the client. */
    public List<String> abandoned() {
        return new ArrayList<>(abandoned);
    }

    /** Answers that are neither an acknowledgement, a redirect nor a retryable failure. */
    public List<String> unexpected() {
        return new ArrayList<>(unexpected);
    }

    public long attempts() {
        return attempts.get();
    }

    public long failedAttempts() {
        return failedAttempts.get();
    }

    public long redirects() {
        return redirects.get();
    }
}
