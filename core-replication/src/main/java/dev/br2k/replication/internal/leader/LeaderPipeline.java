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
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.RequestRecord;
import dev.br2k.replication.internal.log.RequestTooLargeException;
import dev.br2k.replication.internal.log.StoredResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.Op;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The leader's request path (spec §1.4) as one loop of <em>ticks</em>. Every request goes through three
 * guarded writes in order: append ({@code NULL}), mark {@code IN_PROCESS} (then its handler runs), and
 * record the result with {@code lpi} and {@code service-state}; only then is its client answered. A tick is
 * one etcd transaction, guarded by {@code leader == me}, that carries each stage for a different group:
 * the results of the group that ran, the mark of the group appended last tick, and the append of the
 * requests that arrived meanwhile (also guarded by {@code log-size == n} and by every client request id
 * being new). One request alone therefore costs three transactions, as the spec's floor says; under load
 * every transaction moves three groups, and nothing is handed between threads.
 *
 * <p>Any refused or timed-out write makes the replica step down; the requests in flight get 503 and may be
 * retried with the same request id. Backups run between ticks once nothing is in flight.
 */
public final class LeaderPipeline {
    /** etcd's default limit of operations per transaction is 128. */
    private static final int MAX_OPS = 124;
    /** etcd's default request limit is 1.5 MiB (1,572,864 bytes); a tick stays below it with room for the envelope. */
    private static final int MAX_TICK_BYTES = 1_450_000;
    /**
     * The largest request, as encoded in the log (spec §1.4): larger ones get 413 before anything is written.
     * One such request alone makes a tick within {@link #MAX_TICK_BYTES}.
     */
    public static final int MAX_ENTRY_BYTES = 1_400_000;
    /** Stored responses above this many encoded bytes are replaced by a note (they are stored twice per entry). */
    private static final int MAX_STORED_RESPONSE = 256 * 1024;

    private final Replica r;
    private final Fence fence;
    private final Cmp leaderIsMe;
    private final AnsweredRequests answered;
    private final LinkedBlockingQueue<PendingRequest> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<StoredResponse>> inflight = new ConcurrentHashMap<>();
    private final AtomicBoolean backupRequested = new AtomicBoolean();
    private final SecureRandom seeds = new SecureRandom();
    private final ArrayDeque<Staged> toMark = new ArrayDeque<>();
    private final ArrayDeque<Staged> toRecord = new ArrayDeque<>();
    private final Thread thread;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile boolean running = true;
    private volatile String stopReason = "the leader stepped down";
    private volatile CompletableFuture<TxnResponse> inFlight;
    private long logSize;
    private long lastBackupNanos = System.nanoTime();
    private boolean backupWanted;

    public LeaderPipeline(Replica replica, Fence fence, long logSize) {
        this.r = replica;
        this.fence = fence;
        this.leaderIsMe = fence.guard(replica.keys());
        this.answered = new AnsweredRequests(replica);
        this.logSize = logSize;
        this.thread = new Thread(this::loop, "br2k-" + replica.id() + "-leader");
        this.thread.setDaemon(true);
    }

    public Fence fence() {
        return fence;
    }

    public void start() {
        thread.start();
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
            failQueued();
        }
        return p.future();
    }

    public void requestBackup() {
        backupRequested.set(true);
    }

    public void stop(String reason) {
        stopReason = reason;
        running = false;
        CompletableFuture<TxnResponse> write = inFlight;
        if (write != null) {
            write.cancel(false); // don't wait out the etcd timeout: the write may or may not land, as on a timeout
        }
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
                if (toRecord.isEmpty() && r.meta().applying()) {
                    r.meta().endApplying(); // every entry that ran has its result confirmed by etcd
                }
                backupWanted |= backupDue();
                boolean idle = toMark.isEmpty() && toRecord.isEmpty();
                if (backupWanted && idle) {
                    logSize = new BackupRun(r, leaderIsMe, logSize).run();
                    lastBackupNanos = System.nanoTime();
                    backupWanted = false;
                    continue;
                }
                PendingRequest first = null;
                if (idle) {
                    first = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                }
                tick(first);
            }
        } catch (LeadershipLostException e) {
            stopReason = e.getMessage();
            r.stepDown(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            stopReason = "cannot clear the local progress marker: " + e;
            r.stepDown(stopReason);
        } catch (RuntimeException e) {
            stopReason = "unexpected error: " + e;
            r.log().error("leader pipeline failed: {}", e.toString());
            r.stepDown(stopReason);
        } finally {
            running = false;
            if (r.meta().applying()) {
                // handlers ran for entries whose results etcd did not confirm: the local state may hold what no one
                // else has, or a late write may still land (I3). Restore rather than follow.
                r.becomeLearner("stopped leading with entries it ran that etcd has not confirmed (" + stopReason + ")");
            }
            StoredResponse unavailable = unavailable("this replica stopped leading (" + stopReason + ")");
            for (Staged s : toRecord) {
                s.request().future().complete(unavailable);
            }
            for (Staged s : toMark) {
                s.request().future().complete(unavailable);
            }
            toRecord.clear();
            toMark.clear();
            failQueued();
            finished.complete(null);
        }
    }

    /**
     * One tick with what is waiting: results to record, appended entries to mark, and new requests
     * ({@code first}, if not null, already taken from the queue).
     */
    private void tick(PendingRequest first) {
        int ops = 0;
        int bytes = 0;
        List<Staged> record = new ArrayList<>();
        for (Staged s : toRecord) {
            if (!record.isEmpty() && (ops + 4 > MAX_OPS / 2 || bytes + s.resultSize() > MAX_TICK_BYTES / 2)) {
                break;
            }
            record.add(s);
            ops += 2;
            bytes += s.resultSize();
        }
        ops += record.isEmpty() ? 0 : 2;
        List<Staged> mark = new ArrayList<>();
        for (Staged s : toMark) {
            if (ops + 1 > MAX_OPS - 4) {
                break;
            }
            mark.add(s);
            ops += s.request().entry().type() == RouteType.EXTERNAL_TXN ? 0 : 1;
        }
        List<PendingRequest> fresh = new ArrayList<>();
        if (first != null) {
            fresh.add(first);
            bytes += first.size();
        }
        if (!backupWanted) {
            int room = Math.min(r.config().maxBatch(), (MAX_OPS - ops - 1) / 3);
            for (PendingRequest p; fresh.size() < room && (p = queue.peek()) != null
                    && (fresh.isEmpty() || bytes + p.size() <= MAX_TICK_BYTES); ) {
                fresh.add(queue.poll());
                bytes += p.size();
            }
        }
        tick(record, mark, fresh);
    }

    private void tick(List<Staged> record, List<Staged> mark, List<PendingRequest> fresh) {
        TxnResponse res;
        try {
            res = commit(record, mark, fresh, Set.of());
        } catch (RequestTooLargeException e) {
            // etcd checks the size before proposing: nothing of this tick was written. The new requests are
            // what can be large (results are capped): refuse them, write the rest again.
            r.log().warn("etcd refused a tick of {} new requests for its size; answering them 413", fresh.size());
            StoredResponse tooLarge = EntryContext.error(413, "the request is too large for the log once encoded ("
                    + e.getMessage() + "); it was not recorded. Send a smaller body");
            fresh.forEach(p -> p.future().complete(tooLarge));
            fresh = List.of();
            res = commit(record, mark, fresh, Set.of());
        }
        if (!res.isSucceeded()) {
            if (!holdsLeaderKey(res)) {
                failFresh(fresh, "a write was refused by etcd: this replica no longer holds the leader key");
            }
            // a client request id is not new: answer what was recorded, append the rest again
            AnsweredRequests.Resolution resolved = answered.resolve(fresh);
            fresh = resolved.toAppend();
            res = commit(record, mark, fresh, resolved.knownIds());
            if (!res.isSucceeded()) {
                failFresh(fresh, "a write was refused by etcd: this replica no longer holds the leader key");
            }
        }
        long firstNew = logSize + 1;
        logSize += fresh.size();
        r.setLogSize(logSize);
        if (!record.isEmpty()) {
            long last = record.get(record.size() - 1).index();
            r.crashPoint(CrashPoint.AFTER_SUCCESS, record.get(0).index(), last);
            r.setLpi(last);
            r.setSsi(last);
            for (Staged s : record) {
                toRecord.removeFirst();
                r.metrics().request(s.request().entry().type(), s.status());
                r.metrics().leaderRequest(s.request().entry().type(), System.nanoTime() - s.request().arrivedNanos());
                s.request().future().complete(s.response());
            }
        }
        if (!fresh.isEmpty()) {
            r.crashPoint(CrashPoint.AFTER_APPEND, firstNew, logSize);
        }
        if (!mark.isEmpty()) {
            r.crashPoint(CrashPoint.AFTER_IN_PROCESS, mark.get(0).index(), mark.get(mark.size() - 1).index());
            run(mark);
        }
        for (int i = 0; i < fresh.size(); i++) {
            toMark.addLast(Staged.appended(fresh.get(i), firstNew + i));
        }
    }

    /** Runs the handlers of entries just marked IN_PROCESS, in index order. */
    private void run(List<Staged> mark) {
        r.stateLock().lock();
        try {
            try {
                // I3: the range about to run is recorded before any handler runs, and cleared only once etcd confirmed
                // the results (see loop)
                r.meta().beginApplying(mark.get(0).index(), mark.get(mark.size() - 1).index());
            } catch (java.io.IOException e) {
                throw new LeadershipLostException("cannot record the range about to run in " + r.config().stateDir()
                        + "/.br2k/applying: " + e.getMessage());
            }
            for (Staged s : mark) {
                toMark.removeFirst();
                long started = System.nanoTime();
                var result = r.run(s.request().entry(), s.index(), false);
                r.metrics().handler(System.nanoTime() - started);
                toRecord.addLast(s.ran(result.getKey(), result.getValue()));
            }
        } finally {
            r.stateLock().unlock();
        }
        r.crashPoint(CrashPoint.AFTER_HANDLER, mark.get(0).index(), mark.get(mark.size() - 1).index());
    }

    private TxnResponse commit(List<Staged> record, List<Staged> mark, List<PendingRequest> fresh, Set<String> knownIds) {
        Keys k = r.keys();
        long sv = r.ssv();
        List<Cmp> guards = new ArrayList<>(List.of(leaderIsMe));
        List<Op> ops = new ArrayList<>();
        for (Staged s : record) {
            StoredResponse kept = Json.bytes(s.response()).length > MAX_STORED_RESPONSE
                    ? EntryContext.error(s.response().status(), "the response was too large to store; it was sent once")
                    : s.response();
            ops.add(Etcd.put(k.status(s.index()), new EntryState(s.request().entry().type(), s.status(), r.id(), kept)));
            ops.add(Etcd.put(k.request(sv, s.request().entry().requestId()), new RequestRecord(s.index(), kept)));
        }
        if (!record.isEmpty()) {
            String last = String.valueOf(record.get(record.size() - 1).index());
            ops.add(Etcd.put(k.lpi(r.id()), last));
            ops.add(Etcd.put(k.serviceState(), last));
        }
        for (Staged s : mark) {
            LogEntry e = s.request().entry();
            if (e.type() != RouteType.EXTERNAL_TXN) {
                ops.add(Etcd.put(k.status(s.index()), new EntryState(e.type(), EntryStatus.IN_PROCESS, r.id(), null)));
            }
        }
        if (!fresh.isEmpty()) {
            guards.add(Etcd.valueIs(k.logSize(), String.valueOf(logSize)));
            long now = System.currentTimeMillis();
            for (int i = 0; i < fresh.size(); i++) {
                long index = logSize + 1 + i;
                PendingRequest p = fresh.get(i);
                p.stamp(now, seeds.nextLong());
                String id = p.entry().requestId();
                if (p.clientRequestId() && !knownIds.contains(id)) {
                    guards.add(Etcd.absent(k.request(sv, id)));
                    guards.add(Etcd.absent(k.request(sv - 1, id)));
                }
                ops.add(Etcd.put(k.log(index), p.entry()));
                ops.add(Etcd.put(k.status(index), new EntryState(p.entry().type(), EntryStatus.NULL, r.id(), null)));
                ops.add(Etcd.put(k.request(sv, id), RequestRecord.appended(index)));
            }
            ops.add(Etcd.put(k.logSize(), String.valueOf(logSize + fresh.size())));
        }
        long started = System.nanoTime();
        CompletableFuture<TxnResponse> write = r.etcd().txnAsync(guards, ops, List.of(Etcd.key(k.leader())));
        inFlight = write;
        try {
            if (!running) {
                write.cancel(false);
            }
            TxnResponse res = r.etcd().await(write);
            r.metrics().leaderWrite(System.nanoTime() - started);
            return res;
        } catch (EtcdUnavailableException e) {
            failFresh(fresh, "a write did not complete: " + e.getMessage());
            throw new AssertionError("unreachable");
        } catch (java.util.concurrent.CancellationException e) {
            failFresh(fresh, "this replica stopped leading (" + stopReason + ") while a write was in flight");
            throw new AssertionError("unreachable");
        } finally {
            inFlight = null;
        }
    }

    private boolean holdsLeaderKey(TxnResponse refused) {
        var kvs = refused.getGetResponses().isEmpty() ? List.<io.etcd.jetcd.KeyValue>of()
                : refused.getGetResponses().get(0).getKvs();
        return !kvs.isEmpty() && fence.holds(kvs.get(0));
    }

    /**
     * Answers the new requests of a failed tick with 503 and leaves the leader role; the staged ones are
     * answered when the loop ends.
     */
    private void failFresh(List<PendingRequest> fresh, String reason) {
        StoredResponse unavailable = unavailable(reason);
        fresh.forEach(p -> p.future().complete(unavailable));
        throw new LeadershipLostException(reason);
    }

    private boolean backupDue() {
        var c = r.config();
        boolean bySize = c.backupEveryEntries() > 0 && logSize >= c.backupEveryEntries();
        boolean byTime = !c.backupEvery().isZero() && System.nanoTime() - lastBackupNanos >= c.backupEvery().toNanos()
                && logSize > 0;
        return bySize || byTime || backupRequested.getAndSet(false);
    }

    private void failQueued() {
        StoredResponse unavailable = unavailable("this replica stopped leading (" + stopReason + ")");
        for (PendingRequest p; (p = queue.poll()) != null; ) {
            p.future().complete(unavailable);
        }
    }

    private static StoredResponse unavailable(String reason) {
        return EntryContext.error(503, reason + ". The request was not acknowledged and may have been applied: retry "
                + "with the same Br2k-Request-Id to get its outcome exactly once (a request sent without one cannot be "
                + "told apart from a new one)");
    }
}
