package dev.br2k.replication.internal.leader;

import dev.br2k.protocol.EntryStatus;
import dev.br2k.protocol.KeyLayout;
import dev.br2k.protocol.Role;
import dev.br2k.replication.CrashPoint;
import dev.br2k.replication.RouteType;
import dev.br2k.replication.internal.EntryContext;
import dev.br2k.replication.internal.Json;
import dev.br2k.replication.internal.LeadershipLostException;
import dev.br2k.replication.internal.PendingRequest;
import dev.br2k.replication.internal.ReplicaContext;
import dev.br2k.replication.internal.Roles;
import dev.br2k.replication.internal.backup.BackupRun;
import dev.br2k.replication.internal.log.EntryState;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.EtcdCallFailedException;
import dev.br2k.replication.internal.log.RequestRecord;
import dev.br2k.replication.internal.log.RequestTooLargeException;
import dev.br2k.replication.internal.log.StoredResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.Op;
import java.io.IOException;
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
 * The leader's request path, commit protocol v2 (spec §1.4). One loop of <em>ticks</em>; a tick takes the
 * requests waiting (group commit), answers the retries whose ids are known, records the range it will run
 * ({@code .br2k/applying}, I3), runs the replicate handlers in log order on local state, and commits
 * <strong>one</strong> transaction guarded by the fencing token (I2) and {@code log-size == n}: the log
 * entries with their final status ({@code SUCCESS} + stored response or {@code FAILED}; external-txn entries
 * {@code SUCCESS}; only-once entries {@code IN_PROCESS}), their request ids, {@code log-size},
 * {@code service-state} and {@code lpi/me}. Only then are its clients answered (I1). Only-once handlers run
 * after their {@code IN_PROCESS} entry is committed, on a state holding exactly the committed prefix, and
 * their results are recorded in the next tick (I6).
 *
 * <p><strong>Pipelining</strong> ({@code Br2kConfig.pipelining}, off by default): a group of replicate and external-txn
 * entries that fits one transaction is sent
 * and, while etcd commits it, the next group runs on top of it and is sent guarded by {@code log-size} = the first
 * group's last index, so it can land only after the first — when at least half as many requests as the first group
 * holds are waiting (fewer wait for the first commit and join the next group: more commits of fewer requests
 * would cost etcd more proposals and CPU per request). Clients are answered in log order, each group once its
 * own commit is confirmed. At most two commits are unconfirmed at a time. Only-once entries, only-once results and
 * groups too large for one transaction wait until nothing is in flight (an only-once handler runs on exactly the
 * committed prefix). etcd may take two transactions of one client in either order; a refused commit sent while
 * another was unconfirmed, whose refusal shows this replica still holds the leader key, did not land, and is sent
 * once more after the one before it is confirmed.
 *
 * <p>A refused, failed or timed-out commit stops the pipeline; with results it ran but etcd did not confirm,
 * the replica becomes Learner (I3) — unless the only unconfirmed commit is one whose answer was lost and the log
 * shows it landed. A group whose results do not fit one transaction is committed in several, in log order.
 * Backups run between ticks once nothing is waiting to be recorded.
 */
public final class LeaderPipeline {
    /** etcd's default limit of operations per transaction is 128. */
    private static final int MAX_OPS = 124;
    /** etcd's default request limit is 1.5 MiB (1,572,864 bytes); a transaction stays below it with room for the envelope. */
    private static final int MAX_TICK_BYTES = 1_450_000;
    /**
     * The largest request, as encoded in the log (spec §1.4): larger ones get 413 before anything is written.
     * One such request alone makes a transaction within {@link #MAX_TICK_BYTES}.
     */
    public static final int MAX_ENTRY_BYTES = 1_250_000;
    /** Stored responses above this many encoded bytes are replaced by a note (they are stored twice per entry). */
    private static final int MAX_STORED_RESPONSE = 64 * 1024;
    /** How long a stopped leader keeps reading the log to learn whether its unanswered commit landed. */
    private static final long RESOLVE_FOR_NANOS = 30_000_000_000L;
    private static final long RESOLVE_RETRY_MILLIS = 200;

    private final ReplicaContext r;
    private final Roles roles;
    private final Fence fence;
    private final Cmp leaderIsMe;
    private final AnsweredRequests answered;
    private final LinkedBlockingQueue<PendingRequest> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<StoredResponse>> inflight = new ConcurrentHashMap<>();
    private final AtomicBoolean backupRequested = new AtomicBoolean();
    private final SecureRandom seeds = new SecureRandom();
    /** Only-once entries whose handler ran after their IN_PROCESS commit: results to record. */
    private final ArrayDeque<Staged> toRecord = new ArrayDeque<>();
    private final Thread thread;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile boolean running = true;
    private volatile String stopReason = "the leader stepped down";
    private volatile CompletableFuture<TxnResponse> inFlight;
    /** A group's commit sent to etcd while the next group runs (pipelining); answered once confirmed. */
    private volatile Sent pending;
    /** The entries of a sent commit being confirmed, until their clients are answered. */
    private List<Staged> unanswered = List.of();
    private long logSize;
    /** The last index whose handler this leader ran (its local state holds entries up to it). */
    private long ranThrough;
    /** The commit in flight when etcd's answer was lost, if any. */
    private UnknownCommit unknown;
    private long lastBackupNanos = System.nanoTime();
    private boolean backupWanted;

    public LeaderPipeline(ReplicaContext replica, Roles roles, Fence fence, long logSize) {
        this.r = replica;
        this.roles = roles;
        this.fence = fence;
        this.leaderIsMe = fence.guard(replica.keys());
        this.answered = new AnsweredRequests(replica, RequestIdIndex.MAX_IDS);
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

    public CompletableFuture<StoredResponse> submit(dev.br2k.replication.internal.log.LogEntry entry, boolean clientRequestId) {
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
        Sent sent = pending;
        if (sent != null) {
            sent.write().cancel(false);
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
        List<PendingRequest> group = new ArrayList<>();
        try {
            while (running && r.state().role() == Role.LEADER) {
                backupWanted |= backupDue();
                if (backupWanted && toRecord.isEmpty()) {
                    settlePending();
                    logSize = new BackupRun(r, leaderIsMe, logSize).run();
                    lastBackupNanos = System.nanoTime();
                    backupWanted = false;
                    continue;
                }
                group.clear();
                Sent sent = pending;
                if (sent != null && queue.size() < Math.max(1, sent.chunk().size() / 2)) {
                    // too few waiting to be worth a commit of their own: gather more while the one in flight lands
                    settlePending();
                }
                PendingRequest first = toRecord.isEmpty() && pending == null ? queue.poll(50, TimeUnit.MILLISECONDS)
                        : queue.poll();
                if (first == null && pending != null) {
                    settlePending(); // nothing to run on top of it: confirm it and answer its clients
                    continue;
                }
                if (first == null && toRecord.isEmpty()) {
                    continue;
                }
                if (first != null) {
                    group.add(first);
                    if (!backupWanted) {
                        drain(group, first.size());
                    }
                }
                tick(group);
                group.clear();
            }
        } catch (LeadershipLostException e) {
            stopReason = e.getMessage();
            roles.stepDown(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            stopReason = "cannot write the local progress marker: " + e;
            roles.stepDown(stopReason);
        } catch (RuntimeException e) {
            stopReason = "unexpected error: " + e;
            r.log().error("leader pipeline failed: {}", e.toString());
            roles.stepDown(stopReason);
        } finally {
            running = false;
            StoredResponse unavailable = unavailable("this replica stopped leading (" + stopReason + ")");
            Sent sent = pending;
            if (sent != null) {
                // stopped with a commit sent and not confirmed: its outcome is unknown
                sent.write().cancel(false);
                unknownOutcome(sent.chunk());
                sent.chunk().forEach(s -> s.request().future().complete(unavailable));
                pending = null;
            }
            unanswered.forEach(s -> s.request().future().complete(unavailable));
            group.forEach(p -> p.future().complete(unavailable));
            toRecord.forEach(s -> s.request().future().complete(unavailable));
            toRecord.clear();
            failQueued();
            try {
                if (r.meta().applying()) {
                    settleUnconfirmed();
                }
            } finally {
                finished.complete(null);
            }
        }
    }

    /**
     * Handlers ran for entries whose results etcd did not confirm (I3). If the only unconfirmed commit is one
     * whose answer was lost and it covers every entry this leader ran, the log says whether it landed: if it
     * did, the local state is exactly the log's prefix and the replica follows on it (its {@code lpi/me} was in
     * that commit). Otherwise the local state may hold what no one else has, or a late write may still land:
     * restore rather than follow. The replica is a Follower that is not ready meanwhile (its pipeline has not
     * finished), so it neither takes over nor applies anything.
     */
    private void settleUnconfirmed() {
        UnknownCommit u = unknown;
        if (u != null && u.lastIndex() == ranThrough && landed(u)) {
            try {
                r.meta().endApplying();
                r.state().applied(u.lastIndex());
                r.log().info("its unanswered commit of entries {}..{} is in the log inside its fencing window: it landed, "
                        + "so the local state matches the log and it follows on it (no restore)", u.firstIndex(), u.lastIndex());
                return;
            } catch (IOException e) {
                r.log().warn("cannot clear the local progress marker: {}", e.toString());
            }
        }
        roles.becomeLearner("stopped leading with entries it ran that etcd has not confirmed (" + stopReason + ")");
    }

    /** Reads the log until it says whether {@code u} landed (spec §1.4); false if it did not or cannot be told. */
    private boolean landed(UnknownCommit u) {
        long deadline = System.nanoTime() + RESOLVE_FOR_NANOS;
        while (r.state().running() && System.nanoTime() < deadline) {
            try {
                switch (u.outcome(r.store().written(u.lastIndex()), fence)) {
                    case LANDED:
                        return true;
                    case NOT_LANDED:
                        r.log().info("its unanswered commit of entries {}..{} is not in the log and can no longer land "
                                + "(another takeover replaced its fencing revision {})", u.firstIndex(), u.lastIndex(),
                                fence.revision());
                        return false;
                    default:
                        r.log().debug("commit of entries {}..{} not in the log yet; its fence still holds", u.firstIndex(),
                                u.lastIndex());
                }
            } catch (EtcdCallFailedException e) {
                r.log().info("cannot read the log yet to learn whether entries {}..{} landed: {}", u.firstIndex(),
                        u.lastIndex(), e.getMessage());
            }
            try {
                Thread.sleep(RESOLVE_RETRY_MILLIS); // back-off between reads, not a wait for a condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        r.log().warn("could not learn within {} s whether entries {}..{} landed", RESOLVE_FOR_NANOS / 1_000_000_000L,
                u.firstIndex(), u.lastIndex());
        return false;
    }

    /** Adds waiting requests to {@code group} while the group's entries fit a transaction. */
    private void drain(List<PendingRequest> group, int bytes) {
        int room = Math.min(r.config().maxBatch(), (MAX_OPS - 2 * toRecord.size() - 4) / 3);
        for (PendingRequest p; group.size() < room && (p = queue.peek()) != null && bytes + p.size() <= MAX_TICK_BYTES; ) {
            group.add(queue.poll());
            bytes += p.size();
        }
    }

    /** One tick: the group's retries answered, its replicate handlers run, one commit, its clients answered. */
    private void tick(List<PendingRequest> group) throws IOException {
        AnsweredRequests.Resolution resolved = answered.resolve(group);
        List<PendingRequest> fresh = resolved.toAppend();
        long firstIndex = logSize + 1;
        long lastIndex = logSize + fresh.size();
        long now = System.currentTimeMillis();
        List<Staged> staged = new ArrayList<>(fresh.size());
        boolean runsReplicate = fresh.stream().anyMatch(p -> p.entry().type() == RouteType.REPLICATE);
        boolean pipelined = pipelinable(fresh);
        if (!pipelined) {
            settlePending(); // only-once entries run on exactly the committed prefix; large groups commit in parts
        }
        if (runsReplicate) {
            // I3: the range about to run is recorded before any handler runs; cleared once etcd confirmed it
            r.meta().beginApplying(firstIndex, lastIndex);
            ranThrough = lastIndex;
        }
        r.stateLock().lock();
        try {
            for (int i = 0; i < fresh.size(); i++) {
                PendingRequest p = fresh.get(i);
                p.stamp(now, seeds.nextLong());
                long index = firstIndex + i;
                staged.add(switch (p.entry().type()) {
                    case REPLICATE, EXTERNAL_TXN -> {
                        long started = System.nanoTime();
                        var result = r.entries().run(p.entry(), index);
                        if (p.entry().type() == RouteType.REPLICATE) {
                            r.metrics().handler(System.nanoTime() - started);
                        }
                        yield Staged.appended(p, index).ran(result.status(), kept(result.response()));
                    }
                    case ONLY_ONCE -> Staged.appended(p, index).ran(EntryStatus.IN_PROCESS, null);
                });
            }
        } finally {
            r.stateLock().unlock();
        }
        for (Staged s : staged) {
            if (s.request().entry().type() == RouteType.REPLICATE) {
                r.crashPoint(CrashPoint.AFTER_HANDLER, s.index(), s.index()); // only-once handlers run after the commit
            }
        }
        if (pipelined && fitsOne(staged)) {
            Sent sent = send(staged, resolved.knownIds(), pending != null);
            logSize = lastIndex; // the next group's guard: it lands only after this one
            settlePending();    // the previous group, sent while this one ran
            pending = sent;
            return;
        }
        settlePending();
        commitInChunks(staged, resolved.knownIds());
        if (r.meta().applying()) {
            r.meta().endApplying(); // every entry this replica ran has its result in etcd
        }
        runOnlyOnce(staged);
    }

    /**
     * Whether a group may be committed while the next one runs (pipelining, spec §1.4): replicate and external-txn
     * entries only (an only-once handler must run on exactly the committed prefix), one transaction's worth, and no
     * only-once result waiting to be recorded.
     */
    private boolean pipelinable(List<PendingRequest> fresh) {
        if (!r.config().pipelining() || fresh.isEmpty() || !toRecord.isEmpty() || 3 * fresh.size() + 4 > MAX_OPS) {
            return false;
        }
        for (PendingRequest p : fresh) {
            if (p.entry().type() == RouteType.ONLY_ONCE) {
                return false;
            }
        }
        return true;
    }

    /** Whether the group's entries with their results fit one transaction. */
    private static boolean fitsOne(List<Staged> staged) {
        long bytes = 0;
        for (Staged s : staged) {
            bytes += s.request().size() + s.resultSize();
        }
        return bytes <= MAX_TICK_BYTES;
    }

    /** A group's commit on its way to etcd. {@code overlapped}: sent while an earlier commit was unconfirmed. */
    private record Sent(List<Staged> chunk, Set<String> knownIds, long logSizeBefore, boolean overlapped,
                        CompletableFuture<TxnResponse> write, long startedNanos) { }

    private Sent send(List<Staged> chunk, Set<String> knownIds, boolean overlapped) {
        long before = logSize;
        Txn txn = txn(chunk, List.of(), knownIds, before);
        if (overlapped) {
            r.metrics().pipelinedCommit();
        }
        return new Sent(List.copyOf(chunk), knownIds, before, overlapped,
                r.etcd().txnAsync(txn.guards(), txn.ops(), List.of(Etcd.key(r.keys().leader()))), System.nanoTime());
    }

    /**
     * Waits for the commit sent while the next group ran, then answers its clients (I1). etcd may order two
     * transactions of one client either way; a commit refused because it reached etcd before the one it follows did
     * not land (its guard failed), so it is sent once more after that one is confirmed.
     */
    private void settlePending() throws IOException {
        Sent sent = pending;
        if (sent == null) {
            return;
        }
        pending = null;
        unanswered = sent.chunk(); // answered 503 if this throws
        boolean landed = confirm(sent.write(), sent.startedNanos(), sent.chunk(), sent.overlapped());
        if (!landed) {
            r.log().debug("commit of entries {}.. reached etcd before the one it follows: sending it again",
                    sent.chunk().get(0).index());
            Txn txn = txn(sent.chunk(), List.of(), sent.knownIds(), sent.logSizeBefore());
            long started = System.nanoTime();
            confirm(r.etcd().txnAsync(txn.guards(), txn.ops(), List.of(Etcd.key(r.keys().leader()))), started,
                    sent.chunk(), false);
        }
        unanswered = List.of();
        recorded(sent.chunk());
        long last = sent.chunk().get(sent.chunk().size() - 1).index();
        if (r.meta().applying() && ranThrough == last) {
            r.meta().endApplying(); // every entry this replica ran has its result in etcd (none ran on top)
        }
    }

    /** Commits the staged entries (and the only-once results waiting) in as few transactions as fit, in log order. */
    private void commitInChunks(List<Staged> staged, Set<String> knownIds) {
        if (staged.isEmpty() && toRecord.isEmpty()) {
            return; // every request of the group was a retry answered from the log
        }
        int from = 0;
        do {
            List<Staged> results = new ArrayList<>();
            int bytes = 0;
            int ops = 4;
            for (Staged s : toRecord) {
                if (!results.isEmpty() && (ops + 2 > MAX_OPS / 2 || bytes + s.resultSize() > MAX_TICK_BYTES / 2)) {
                    break;
                }
                results.add(s);
                ops += 2;
                bytes += s.resultSize();
            }
            int to = from;
            while (to < staged.size()) {
                Staged s = staged.get(to);
                int size = s.request().size() + s.resultSize();
                if (to > from && (ops + 3 > MAX_OPS || bytes + size > MAX_TICK_BYTES)) {
                    break;
                }
                ops += 3;
                bytes += size;
                to++;
            }
            List<Staged> chunk = staged.subList(from, to);
            commit(chunk, results, knownIds);
            for (Staged s : results) {
                toRecord.removeFirst();
                answer(s);
            }
            if (!chunk.isEmpty()) {
                logSize = chunk.get(chunk.size() - 1).index();
                recorded(chunk);
            }
            from = to;
        } while (from < staged.size());
    }

    /** A chunk's commit is confirmed: progress advances and its clients are answered (only-once ones later). */
    private void recorded(List<Staged> chunk) {
        long last = chunk.get(chunk.size() - 1).index();
        r.state().committed(last);
        answered.recorded(chunk); // before any client is answered: a retry after the answer finds its id
        r.crashPoint(CrashPoint.AFTER_APPEND, chunk.get(0).index(), last);
        r.crashPoint(CrashPoint.AFTER_IN_PROCESS, chunk.get(0).index(), last);
        r.crashPoint(CrashPoint.AFTER_SUCCESS, chunk.get(0).index(), last);
        for (Staged s : chunk) {
            if (s.status() != EntryStatus.IN_PROCESS) {
                answer(s);
            }
        }
    }

    /** Runs the handlers of only-once entries whose IN_PROCESS is committed; their results go in the next tick. */
    private void runOnlyOnce(List<Staged> staged) {
        for (Staged s : staged) {
            if (s.status() != EntryStatus.IN_PROCESS) {
                continue;
            }
            if (!running) {
                return; // the entry stays IN_PROCESS: a later leader turns it IGNORE and its retry gets 409
            }
            r.stateLock().lock();
            try {
                var result = r.entries().run(s.request().entry(), s.index());
                toRecord.addLast(s.ran(result.status(), kept(result.response())));
            } finally {
                r.stateLock().unlock();
            }
            r.crashPoint(CrashPoint.AFTER_HANDLER, s.index(), s.index());
        }
    }

    private void answer(Staged s) {
        r.metrics().request(s.request().entry().type(), s.status());
        r.metrics().leaderRequest(s.request().entry().type(), System.nanoTime() - s.request().arrivedNanos());
        s.request().future().complete(s.response());
    }

    private static StoredResponse kept(StoredResponse response) {
        return Json.bytes(response).length > MAX_STORED_RESPONSE
                ? EntryContext.error(response.status(), "the response was too large to store; it was sent once")
                : response;
    }

    /** The guards and operations of one leader commit (I2: fenced; {@code log-size == before} where it appends). */
    private record Txn(List<Cmp> guards, List<Op> ops) { }

    private Txn txn(List<Staged> entries, List<Staged> results, Set<String> knownIds, long before) {
        KeyLayout k = r.keys();
        long sv = r.state().ssv();
        List<Cmp> guards = new ArrayList<>(List.of(leaderIsMe));
        List<Op> ops = new ArrayList<>();
        for (Staged s : results) {
            ops.add(Etcd.put(k.status(s.index()), new EntryState(RouteType.ONLY_ONCE, s.status(), r.id(), s.response())));
            ops.add(Etcd.put(k.request(sv, s.request().entry().requestId()), new RequestRecord(s.index(), s.response())));
        }
        if (!entries.isEmpty()) {
            guards.add(r.store().logSizeIs(before));
            for (Staged s : entries) {
                PendingRequest p = s.request();
                String id = p.entry().requestId();
                if (p.clientRequestId() && !knownIds.contains(id)) {
                    guards.add(Etcd.absent(k.request(sv, id)));
                    guards.add(Etcd.absent(k.request(sv - 1, id)));
                }
                ops.add(Etcd.put(k.log(s.index()), p.entry()));
                ops.add(Etcd.put(k.status(s.index()), new EntryState(p.entry().type(), s.status(), r.id(), s.response())));
                ops.add(Etcd.put(k.request(sv, id), s.status() == EntryStatus.IN_PROCESS ? RequestRecord.appended(s.index())
                        : new RequestRecord(s.index(), s.response())));
            }
            long last = entries.get(entries.size() - 1).index();
            ops.add(r.store().putLogSize(last));
            ops.add(r.store().putServiceState(last));
            ops.add(r.store().putLpi(r.id(), last));
        }
        return new Txn(guards, ops);
    }

    private void commit(List<Staged> entries, List<Staged> results, Set<String> knownIds) {
        Txn txn = txn(entries, results, knownIds, logSize);
        confirm(r.etcd().txnAsync(txn.guards(), txn.ops(), List.of(Etcd.key(r.keys().leader()))), System.nanoTime(),
                entries, false);
    }

    /**
     * Waits for a commit. Returns true when it landed; false only when {@code mayRetry} and etcd refused it while
     * this replica still holds the leader key (it did not land: the caller may send it again once the commit it
     * follows is confirmed). Otherwise a refused, failed or timed-out commit throws {@link LeadershipLostException}.
     */
    private boolean confirm(CompletableFuture<TxnResponse> write, long started, List<Staged> entries, boolean mayRetry) {
        inFlight = write;
        try {
            if (!running) {
                write.cancel(false);
            }
            TxnResponse res = r.etcd().await(write);
            r.metrics().leaderWrite(System.nanoTime() - started);
            if (res.isSucceeded()) {
                return true;
            }
            boolean holds = holdsLeaderKey(res);
            if (mayRetry && holds) {
                return false;
            }
            throw new LeadershipLostException(holds
                    ? "a write was refused by etcd: the log or a request id changed under this leader"
                    : "a write was refused by etcd: this replica no longer holds the leader key");
        } catch (RequestTooLargeException e) {
            throw new LeadershipLostException("a write was too large for etcd after its handlers ran: " + e.getMessage());
        } catch (EtcdCallFailedException e) {
            unknownOutcome(entries);
            throw new LeadershipLostException("a write did not complete: " + e.getMessage());
        } catch (java.util.concurrent.CancellationException e) {
            unknownOutcome(entries);
            throw new LeadershipLostException("this replica stopped leading (" + stopReason + ") while a write was in flight");
        } finally {
            inFlight = null;
        }
    }

    private void unknownOutcome(List<Staged> entries) {
        if (!entries.isEmpty()) {
            Staged last = entries.get(entries.size() - 1);
            unknown = new UnknownCommit(entries.get(0).index(), last.index(), last.request().entry().requestId());
        }
    }

    private boolean holdsLeaderKey(TxnResponse refused) {
        var kvs = refused.getGetResponses().isEmpty() ? List.<io.etcd.jetcd.KeyValue>of()
                : refused.getGetResponses().get(0).getKvs();
        return !kvs.isEmpty() && fence.holds(kvs.get(0).getModRevision());
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
