package dev.br2k.replication.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.br2k.replication.internal.access.EtcdAccess;
import dev.br2k.replication.internal.log.Etcd;
import io.etcd.jetcd.Lease;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.PutOption;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Gives back the disk space etcd keeps after compaction. A backup compacts the log and etcd's history, but etcd's
 * database file does not shrink: its freed pages are only reused, and a burst of requests can leave the file near
 * etcd's quota (2 GiB by default), after which every write fails with NOSPACE. Each replica checks its own etcd
 * member every few minutes and, when the file is at least {@code minDbBytes} and at most half of it is in use,
 * defragments that member. A leased {@code defragmenting} key lets one member at a time do it (a member's writes
 * wait while it defragments). A member that is the Raft leader first hands leadership to another member: its pause
 * would otherwise hold up every write of the cluster, and the BR2K leader beside it would step down with writes whose
 * outcome it cannot know; this way the service fails over once, cleanly, before the pause. With etcd authentication on, defragmenting needs the root role, which a
 * replica's user should not have: the replica then leaves it to the operator ({@code etcdctl defrag}).
 */
final class EtcdDefragmenter {
    private static final Duration DEFRAGMENT_TIMEOUT = Duration.ofMinutes(5);
    private static final long LOCK_TTL_SECONDS = DEFRAGMENT_TIMEOUT.toSeconds() + 60;

    /** What one check did. */
    enum Outcome { NOT_NEEDED, UNREADABLE, ANOTHER_REPLICA, DEFRAGMENTED, FAILED }

    /** How long a handed-on Raft leadership may take to show in the member's status. */
    private static final long HAND_OVER_NANOS = 10_000_000_000L;

    /** The sizes of a member's database file: all of it and the part in use. */
    record DbSize(long total, long inUse) {
        boolean wasteful(long minBytes) {
            return total >= minBytes && inUse * 2 <= total;
        }
    }

    private final HttpClient http;
    private final URI statusUri;
    private final URI defragmentUri;
    private final URI membersUri;
    private final URI transferUri;
    private final Duration timeout;
    private final Etcd etcd;
    private final Lease leases;
    private final String lockKey;
    private final String replicaId;
    private final long minDbBytes;
    private final ReplicaLog log;

    EtcdDefragmenter(URI endpoint, EtcdAccess access, Duration timeout, Etcd etcd, Lease leases, String lockKey,
                     String replicaId, long minDbBytes, ReplicaLog log) {
        this.http = access.httpClient(timeout);
        this.statusUri = endpoint.resolve("/v3/maintenance/status");
        this.defragmentUri = endpoint.resolve("/v3/maintenance/defragment");
        this.membersUri = endpoint.resolve("/v3/cluster/member/list");
        this.transferUri = endpoint.resolve("/v3/maintenance/transfer-leadership");
        this.timeout = timeout;
        this.etcd = etcd;
        this.leases = leases;
        this.lockKey = lockKey;
        this.replicaId = replicaId;
        this.minDbBytes = minDbBytes;
        this.log = log;
    }

    /** The member's database sizes, or empty when it does not answer. */
    Optional<DbSize> dbSize() throws InterruptedException {
        try {
            HttpResponse<byte[]> answer = post(statusUri, timeout);
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode root = Json.MAPPER.readTree(answer.body());
            return Optional.of(new DbSize(MemberStatusReader.number(root, "dbSize"), MemberStatusReader.number(root, "dbSizeInUse")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One check: defragments the member if its file is mostly free space and no other member is being defragmented. */
    Outcome check() throws InterruptedException {
        Optional<DbSize> before = dbSize();
        if (before.isEmpty()) {
            return Outcome.UNREADABLE;
        }
        if (!before.get().wasteful(minDbBytes)) {
            return Outcome.NOT_NEEDED;
        }
        long lease;
        try {
            lease = etcd.await(leases.grant(LOCK_TTL_SECONDS)).getID();
            boolean mine = etcd.txn(List.of(Etcd.absent(lockKey)), List.of(Op.put(Etcd.bs(lockKey), Etcd.bs(replicaId),
                    PutOption.builder().withLeaseId(lease).build()))).isSucceeded();
            if (!mine) {
                leases.revoke(lease);
                return Outcome.ANOTHER_REPLICA;
            }
        } catch (RuntimeException e) {
            log.warn("etcd member's database is {} MiB with {} MiB in use, but the defragmentation lock could not be "
                    + "taken ({}); trying again at the next check", mib(before.get().total()), mib(before.get().inUse()), e.toString());
            return Outcome.FAILED;
        }
        try {
            if (!handedOnLeadership()) {
                return Outcome.FAILED;
            }
            log.info("defragmenting its etcd member: the database is {} MiB with {} MiB in use (writes to this member wait "
                    + "until it ends)", mib(before.get().total()), mib(before.get().inUse()));
            long started = System.nanoTime();
            HttpResponse<byte[]> answer = post(defragmentUri, DEFRAGMENT_TIMEOUT);
            if (answer.statusCode() != 200) {
                log.warn("etcd refused to defragment its member (HTTP {}: {}); with etcd authentication on this needs the "
                        + "root role: run 'etcdctl defrag' on the member instead", answer.statusCode(),
                        new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8).strip());
                return Outcome.FAILED;
            }
            long after = dbSize().map(DbSize::total).orElse(-1L);
            log.info("defragmented its etcd member in {} ms: the database went from {} MiB to {} MiB",
                    (System.nanoTime() - started) / 1_000_000, mib(before.get().total()), after < 0 ? "?" : mib(after));
            return Outcome.DEFRAGMENTED;
        } catch (IOException e) {
            log.warn("defragmenting its etcd member failed ({}); trying again at the next check", e.toString());
            return Outcome.FAILED;
        } finally {
            try {
                etcd.txn(List.of(Etcd.valueIs(lockKey, replicaId)), List.of(Op.delete(Etcd.bs(lockKey), DeleteOption.DEFAULT)));
            } catch (RuntimeException e) {
                // the lease ends it
            }
            leases.revoke(lease);
        }
    }

    /**
     * True once the member is not the Raft leader: it was not, or it handed leadership to the started member with the
     * lowest id among the others and its status shows the new leader. False (nothing defragmented) if it could not.
     */
    private boolean handedOnLeadership() throws IOException, InterruptedException {
        StatusResponse now = status();
        long me = now.getHeader().getMemberId();
        if (now.getLeader() != me) {
            return true;
        }
        Optional<Long> target = Optional.empty();
        for (JsonNode member : json(post(membersUri, timeout, "{}")).path("members")) {
            long id = MemberStatusReader.number(member, "ID");
            boolean started = member.path("clientURLs").size() > 0;
            if (id != me && started && target.map(t -> Long.compareUnsigned(id, t) < 0).orElse(true)) {
                target = Optional.of(id);
            }
        }
        if (target.isEmpty()) {
            log.warn("its etcd member leads and no other member is started: not defragmenting it now (trying again at "
                    + "the next check)");
            return false;
        }
        log.info("its etcd member is the Raft leader: handing leadership to member {} before defragmenting (the service "
                + "fails over to the replica beside that member)", Long.toHexString(target.get()));
        HttpResponse<byte[]> moved = post(transferUri, timeout,
                "{\"targetID\":\"" + Long.toUnsignedString(target.get()) + "\"}");
        if (moved.statusCode() != 200) {
            log.warn("etcd did not hand Raft leadership on (HTTP {}: {}): not defragmenting now", moved.statusCode(),
                    new String(moved.body(), java.nio.charset.StandardCharsets.UTF_8).strip());
            return false;
        }
        long deadline = System.nanoTime() + HAND_OVER_NANOS;
        while (System.nanoTime() < deadline) {
            long leader = status().getLeader();
            if (leader != 0 && leader != me) {
                return true;
            }
            Thread.sleep(100); // polling the member's status for the new leader
        }
        log.warn("the member's status still names it Raft leader {} s after the hand-over: not defragmenting now",
                HAND_OVER_NANOS / 1_000_000_000L);
        return false;
    }

    /** The member's status, read as the role loop reads it ({@link MemberStatusReader#parse}). */
    private StatusResponse status() throws IOException, InterruptedException {
        return MemberStatusReader.parse(ok(post(statusUri, timeout, "{}")).body());
    }

    private static JsonNode json(HttpResponse<byte[]> answer) throws IOException {
        return Json.MAPPER.readTree(ok(answer).body());
    }

    private static HttpResponse<byte[]> ok(HttpResponse<byte[]> answer) throws IOException {
        if (answer.statusCode() != 200) {
            throw new IOException("etcd answered HTTP " + answer.statusCode());
        }
        return answer;
    }

    /** Checks every {@code every} on a daemon thread of its own while {@code running} holds. */
    void start(String threadName, Duration every, BooleanSupplier running) {
        Thread t = new Thread(() -> {
            while (running.getAsBoolean()) {
                try {
                    Thread.sleep(every.toMillis());
                    if (running.getAsBoolean()) {
                        check();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("the etcd defragmentation check failed ({}); trying again at the next check", e.toString());
                }
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
    }

    private HttpResponse<byte[]> post(URI uri, Duration wait) throws IOException, InterruptedException {
        return post(uri, wait, "{}");
    }

    private HttpResponse<byte[]> post(URI uri, Duration wait, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(wait).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
