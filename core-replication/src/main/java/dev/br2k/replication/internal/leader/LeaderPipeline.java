package dev.br2k.replication.internal.leader;

import dev.br2k.replication.CrashPoint;
import dev.br2k.replication.Role;
import dev.br2k.replication.RouteType;
import dev.br2k.replication.internal.EntryContext;
import dev.br2k.replication.internal.Json;
import dev.br2k.replication.internal.LeadershipLostException;
import dev.br2k.replication.internal.PendingRequest;
import dev.br2k.replication.internal.Replica;
import dev.br2k.replication.internal.backup.BackupRun;
import dev.br2k.replication.internal.log.EntryState;
import dev.br2k.replication.internal.log.EntryStatus;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.EtcdUnavailableException;
import dev.br2k.replication.internal.log.Keys;
import dev.br2k.replication.internal.log.LeaderValue;
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.StoredResponse;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.Op;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The leader's request path (spec §1.4) in two stages. The appender groups requests that arrive together
 * and appends each group in one transaction guarded by {@code leader == me} and {@code log-size == n}.
 * The processor takes appended groups in index order: one guarded {@code IN_PROCESS} transaction, the
 * handlers in index order, and one guarded transaction recording every result with {@code lpi} and
 * {@code service-state}; only then are the clients answered. The appender appends the next group while
 * the processor works on the previous one. Any refused or timed-out write makes the replica step down.
 * Backups run on the appender once the processor is idle, so no request is accepted while one runs.
 */
public final class LeaderPipeline {
    private static final int MAX_BATCH_BYTES = 512 * 1024;
    private static final int MAX_STORED_RESPONSE = 256 * 1024;

    private final Replica r;
    private final LeaderValue me;
    private final Cmp leaderIsMe;
    private final LinkedBlockingQueue<PendingRequest> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<StoredResponse>> inflight = new ConcurrentHashMap<>();
    private final AtomicBoolean backupRequested = new AtomicBoolean();
    private final SecureRandom seeds = new SecureRandom();
    private final LinkedBlockingQueue<Appended> appended = new LinkedBlockingQueue<>(16);
    private final Thread thread;
    private final Thread processor;
    private final CompletableFuture<Void> appenderDone = new CompletableFuture<>();
    private final CompletableFuture<Void> processorDone = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = CompletableFuture.allOf(appenderDone, processorDone);
    private volatile long processedThrough;
    private Recording recording;
    private volatile boolean running = true;
    private volatile String stopReason = "the leader stepped down";
    private long logSize;
    private long lastBackupNanos = System.nanoTime();

    public LeaderPipeline(Replica replica, LeaderValue me, long logSize) {
        this.r = replica;
        this.me = me;
        this.leaderIsMe = Etcd.valueIs(replica.keys().leader(), Json.bytes(me));
        this.logSize = logSize;
        this.processedThrough = logSize;
        this.thread = new Thread(this::loop, "br2k-" + replica.id() + "-append");
        this.thread.setDaemon(true);
        this.processor = new Thread(this::processLoop, "br2k-" + replica.id() + "-process");
        this.processor.setDaemon(true);
    }

    /** A group of requests appended at indices {@code first .. first + size - 1}. */
    private record Appended(List<PendingRequest> requests, long first) {
        long last() {
            return first + requests.size() - 1;
        }
    }

    public LeaderValue me() {
        return me;
    }

    public void start() {
        thread.start();
        processor.start();
    }

    public CompletableFuture<StoredResponse> submit(LogEntry entry, boolean clientRequestId) {
        PendingRequest p = new PendingRequest(entry, clientRequestId);
        CompletableFuture<StoredResponse> existing = inflight.putIfAbsent(entry.requestId(), p.future());
        if (existing != null) {
            return existing;
        }
        p.future().whenComplete((res, err) -> inflight.remove(entry.requestId(), p.future()));
        queue.add(p);
        if (!running) {
            failAll();
        }
        return p.future();
    }

    public void requestBackup() {
        backupRequested.set(true);
    }

    public void stop(String reason) {
        stopReason = reason;
        running = false; // the group in progress completes or fails on its own guarded writes
    }

    public boolean finished() {
        return finished.isDone();
    }

    public void awaitFinished(Duration timeout) {
        try {
            finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
            // the thread is stuck in an etcd call that will time out on its own
        }
    }

    private void loop() {
        try {
            while (running && r.role() == Role.LEADER) {
                PendingRequest first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<PendingRequest> batch = new ArrayList<>();
                    batch.add(first);
                    int bytes = first.size();
                    while (batch.size() < r.config().maxBatch() && queue.peek() != null
                            && bytes + queue.peek().size() <= MAX_BATCH_BYTES) {
                        PendingRequest next = queue.poll();
                        bytes += next.size();
                        batch.add(next);
                    }
                    append(batch);
                }
                if (backupDue()) {
                    while (processedThrough < logSize && running) {
                        Thread.sleep(1); // the processor finishes the groups already appended
                    }
                    if (running) {
                        logSize = new BackupRun(r, leaderIsMe, logSize).run();
                        processedThrough = logSize;
                        lastBackupNanos = System.nanoTime();
                    }
                }
            }
        } catch (LeadershipLostException e) {
            stopReason = e.getMessage();
            r.stepDown(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            stopReason = "unexpected error: " + e;
            r.log().error("leader pipeline failed: {}", e.toString());
            r.stepDown(stopReason);
        } finally {
            running = false;
            failAll();
            appenderDone.complete(null);
        }
    }

    private void processLoop() {
        try {
            while (running || !appended.isEmpty()) {
                Appended first = appended.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (appenderDone.isDone()) {
                        break;
                    }
                    continue;
                }
                List<PendingRequest> requests = new ArrayList<>(first.requests());
                long last = first.last();
                while (appended.peek() != null && requests.size() + appended.peek().requests().size() <= 2 * r.config().maxBatch()) {
                    Appended next = appended.poll();
                    requests.addAll(next.requests());
                    last = next.last();
                }
                process(requests, first.first(), last);
                if (recording == null) {
                    processedThrough = last;
                }
            }
        } catch (LeadershipLostException e) {
            stopReason = e.getMessage();
            running = false;
            r.stepDown(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            stopReason = "unexpected error: " + e;
            running = false;
            r.log().error("leader pipeline failed: {}", e.toString());
            r.stepDown(stopReason);
        } finally {
            StoredResponse unavailable = EntryContext.error(503, "this replica stopped leading (" + stopReason
                    + ") before the request was recorded; retry with the same Br2k-Request-Id");
            if (recording != null) {
                recording.requests().forEach(p -> p.future().complete(unavailable));
                recording = null;
            }
            for (Appended a; (a = appended.poll()) != null; ) {
                a.requests().forEach(p -> p.future().complete(unavailable));
            }
            processorDone.complete(null);
        }
    }

    private boolean backupDue() {
        var c = r.config();
        boolean bySize = c.backupEveryEntries() > 0 && logSize >= c.backupEveryEntries();
        boolean byTime = !c.backupEvery().isZero() && System.nanoTime() - lastBackupNanos >= c.backupEvery().toNanos()
                && logSize > 0;
        return bySize || byTime || backupRequested.getAndSet(false);
    }

    private void failAll() {
        StoredResponse unavailable = EntryContext.error(503, "this replica stopped leading (" + stopReason
                + ") before the request was recorded; retry with the same Br2k-Request-Id");
        for (PendingRequest p; (p = queue.poll()) != null; ) {
            p.future().complete(unavailable);
        }
    }

    private void append(List<PendingRequest> batch) throws InterruptedException {
        List<PendingRequest> fresh = withoutAnswered(batch);
        if (fresh.isEmpty()) {
            return;
        }
        Keys k = r.keys();
        long n = logSize;
        long last = n + fresh.size();
        long now = System.currentTimeMillis();
        List<Op> ops = new ArrayList<>(fresh.size() * 3 + 1);
        for (int i = 0; i < fresh.size(); i++) {
            long index = n + 1 + i;
            PendingRequest p = fresh.get(i);
            p.stamp(now, seeds.nextLong());
            ops.add(Etcd.put(k.log(index), p.entry()));
            ops.add(Etcd.put(k.status(index), new EntryState(p.entry().type(), EntryStatus.NULL, r.id(), null)));
            ops.add(Etcd.put(k.request(p.entry().requestId()), String.valueOf(index)));
        }
        ops.add(Etcd.put(k.logSize(), String.valueOf(last)));
        guarded(List.of(leaderIsMe, Etcd.valueIs(k.logSize(), String.valueOf(n))), ops, fresh, "append");
        logSize = last;
        r.setLogSize(last);
        r.crashPoint(CrashPoint.AFTER_APPEND, n + 1, last);
        Appended group = new Appended(fresh, n + 1);
        while (!appended.offer(group, 50, TimeUnit.MILLISECONDS)) {
            if (processorDone.isDone()) {
                fail(fresh, "the leader stopped processing (" + stopReason + ")");
                throw new LeadershipLostException(stopReason);
            }
        }
    }

    private void process(List<PendingRequest> fresh, long first, long last) {
        Keys k = r.keys();
        long n = first - 1;

        List<Op> marks = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            LogEntry e = fresh.get(i).entry();
            if (e.type() != RouteType.EXTERNAL_TXN) {
                marks.add(Etcd.put(k.status(n + 1 + i), new EntryState(e.type(), EntryStatus.IN_PROCESS, r.id(), null)));
            }
        }
        if (!marks.isEmpty()) {
            guarded(List.of(leaderIsMe), marks, fresh, "mark IN_PROCESS");
            r.crashPoint(CrashPoint.AFTER_IN_PROCESS, n + 1, last);
        }

        List<Map.Entry<EntryStatus, StoredResponse>> results = new ArrayList<>(fresh.size());
        r.stateLock().lock();
        try {
            for (int i = 0; i < fresh.size(); i++) {
                results.add(r.run(fresh.get(i).entry(), n + 1 + i, false));
            }
        } finally {
            r.stateLock().unlock();
        }
        r.crashPoint(CrashPoint.AFTER_HANDLER, n + 1, last);

        List<Op> record = new ArrayList<>(fresh.size() + 2);
        for (int i = 0; i < fresh.size(); i++) {
            var res = results.get(i);
            StoredResponse kept = res.getValue().body().length() > MAX_STORED_RESPONSE
                    ? EntryContext.error(res.getValue().status(), "the response was too large to store; it was sent once")
                    : res.getValue();
            record.add(Etcd.put(k.status(n + 1 + i),
                    new EntryState(fresh.get(i).entry().type(), res.getKey(), r.id(), kept)));
        }
        record.add(Etcd.put(k.lpi(r.id()), String.valueOf(last)));
        record.add(Etcd.put(k.serviceState(), String.valueOf(last)));
        // results are committed in index order: the previous group's must be in before this one is sent
        finishRecording(fresh);
        recording = new Recording(fresh, results, first, last, r.etcd().txnAsync(List.of(leaderIsMe), record));
        if (appended.isEmpty()) {
            finishRecording(List.of()); // nothing to overlap with: answer now
        }
    }

    /** A group whose result transaction is in flight while the next group is marked and run. */
    private record Recording(List<PendingRequest> requests, List<Map.Entry<EntryStatus, StoredResponse>> results,
                             long first, long last, CompletableFuture<io.etcd.jetcd.kv.TxnResponse> txn) { }

    /** Waits for the group in flight, then answers its clients; a failure also fails {@code next}. */
    private void finishRecording(List<PendingRequest> next) {
        Recording g = recording;
        if (g == null) {
            return;
        }
        recording = null;
        boolean ok;
        try {
            ok = r.etcd().await(g.txn()).isSucceeded();
        } catch (EtcdUnavailableException e) {
            fail(g.requests(), "record results did not complete: " + e.getMessage());
            fail(next, "record results of earlier requests did not complete");
            throw new LeadershipLostException("record results did not complete: " + e.getMessage());
        }
        if (!ok) {
            fail(g.requests(), "record results was refused by etcd: this replica no longer holds the leader key");
            fail(next, "record results of earlier requests was refused");
            throw new LeadershipLostException("record results was refused: this replica no longer holds the leader key");
        }
        r.setLpi(g.last());
        r.setSsi(g.last());
        r.crashPoint(CrashPoint.AFTER_SUCCESS, g.first(), g.last());
        for (int i = 0; i < g.requests().size(); i++) {
            var res = g.results().get(i);
            r.metrics().request(g.requests().get(i).entry().type(), res.getKey());
            g.requests().get(i).future().complete(res.getValue());
        }
    }

    /** Answers requests whose id is already recorded as SUCCESS or FAILED (exactly-once retries). */
    private List<PendingRequest> withoutAnswered(List<PendingRequest> batch) {
        List<PendingRequest> withId = batch.stream().filter(PendingRequest::clientRequestId).toList();
        if (withId.isEmpty()) {
            return batch;
        }
        Keys k = r.keys();
        List<GetResponse> ids = read(withId.stream().map(p -> Etcd.key(k.request(p.entry().requestId()))).toArray(Op[]::new));
        List<PendingRequest> known = new ArrayList<>();
        List<Op> statusGets = new ArrayList<>();
        for (int i = 0; i < withId.size(); i++) {
            if (!ids.get(i).getKvs().isEmpty()) {
                known.add(withId.get(i));
                statusGets.add(Etcd.key(k.status(Long.parseLong(Etcd.str(ids.get(i).getKvs().get(0).getValue())))));
            }
        }
        if (known.isEmpty()) {
            return batch;
        }
        List<GetResponse> states = read(statusGets.toArray(Op[]::new));
        List<PendingRequest> fresh = new ArrayList<>(batch);
        for (int i = 0; i < known.size(); i++) {
            if (states.get(i).getKvs().isEmpty()) {
                continue;
            }
            EntryState st = Json.read(states.get(i).getKvs().get(0).getValue().getBytes(), EntryState.class);
            if ((st.status() == EntryStatus.SUCCESS || st.status() == EntryStatus.FAILED) && st.response() != null) {
                fresh.remove(known.get(i));
                r.metrics().duplicate();
                known.get(i).future().complete(st.response());
            }
            // NULL / IGNORE / IN_PROCESS of an earlier leader: nobody applied it, run it again as a new entry
        }
        return fresh;
    }

    private List<GetResponse> read(Op[] gets) {
        try {
            return r.etcd().read(gets);
        } catch (EtcdUnavailableException e) {
            throw new LeadershipLostException("etcd did not answer a read: " + e.getMessage());
        }
    }

    private void guarded(List<Cmp> compares, List<Op> ops, List<PendingRequest> batch, String what) {
        boolean ok;
        try {
            ok = r.etcd().txn(compares, ops).isSucceeded();
        } catch (EtcdUnavailableException e) {
            fail(batch, what + " did not complete: " + e.getMessage());
            throw new LeadershipLostException(what + " did not complete: " + e.getMessage());
        }
        if (!ok) {
            fail(batch, what + " was refused by etcd: this replica no longer holds the leader key");
            throw new LeadershipLostException(what + " was refused: this replica no longer holds the leader key");
        }
    }

    private void fail(List<PendingRequest> batch, String reason) {
        StoredResponse unavailable = EntryContext.error(503, reason
                + ". The request was not acknowledged; retry with the same Br2k-Request-Id");
        batch.forEach(p -> p.future().complete(unavailable));
    }
}
