package dev.br2k.replication.internal;

import dev.br2k.protocol.LeaderValue;
import dev.br2k.protocol.Role;
import dev.br2k.replication.NotLeaderException;
import dev.br2k.replication.internal.follower.Follower;
import dev.br2k.replication.internal.leader.Fence;
import dev.br2k.replication.internal.leader.LeaderPipeline;
import dev.br2k.replication.internal.leader.Takeover;
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.StoredResponse;
import dev.br2k.replication.internal.recovery.Learner;
import dev.br2k.replication.location.LeaderTerm;
import dev.br2k.replication.location.StaleLeaderTermException;
import io.etcd.jetcd.maintenance.StatusResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The role loop (spec §1.2) on its own thread, and every role change. Each round it checks the leader condition
 * (the co-located etcd member is the Raft leader), keeps the member key and the service-state watch alive, and
 * hands the round to the role's feature: {@link Follower}, {@link Learner}, or {@link Takeover} when a Follower's
 * member leads. As leader it owns the {@link LeaderPipeline}.
 */
final class RoleController implements Roles, StaleWaitBreaker.Loop {
    private final ReplicaContext r;
    private final ReplicaState state;
    private final MemberStatusReader statusReader;
    private final LeaderProbe probe;
    private final Follower follower;
    private final Learner learner;
    private final Takeover takeover;
    private final Membership membership;
    private final ServiceStateWatch watch;
    private volatile LeaderPipeline pipeline;
    private volatile String etcdMemberId = "";
    /** When the role loop's current round began ({@link System#nanoTime}); 0 between rounds. */
    private volatile long roundStartedNanos;
    /** When the last follower catch-up began (the role loop's thread only). */
    private long lastCatchUpNanos;
    /** The Raft leader the last role check saw (etcd member id; 0 if none). */
    private volatile long raftLeaderSeen;
    private Thread control;

    RoleController(ReplicaContext context, MemberStatusReader statusReader) {
        this.r = context;
        this.state = context.state();
        this.statusReader = statusReader;
        Duration interval = context.config().roleCheckInterval();
        // the role check probes the known leader every interval: a few intervals without a probe start a new count
        this.probe = new LeaderProbe(interval.multipliedBy(5).compareTo(Duration.ofSeconds(1)) > 0
                ? interval.multipliedBy(5) : Duration.ofSeconds(1));
        this.watch = new ServiceStateWatch(context);
        this.follower = new Follower(context, this, watch::latest);
        this.learner = new Learner(context, this);
        this.takeover = new Takeover(context, this);
        this.membership = new Membership(context);
    }

    /** Starts the role loop in {@code firstRole}. */
    void start(Role firstRole, URI advertisedUrl) {
        state.started(advertisedUrl, firstRole);
        control = new Thread(this::loop, "br2k-" + r.id() + "-control");
        control.setDaemon(true);
        control.start();
    }

    private void loop() {
        RolePace pace = new RolePace(r.config().roleCheckInterval());
        long lastRoleCheck = 0;
        int failuresInARow = 0;
        while (state.running()) {
            try {
                if (failuresInARow == 0) {
                    r.wake().await(r.config().roleCheckInterval());
                } else {
                    r.wake().clear();
                }
                if (!state.running()) {
                    break;
                }
                long now = System.nanoTime();
                roundStartedNanos = now;
                // after a failed round (often "leader changed" during an election) check again at once
                boolean periodic = failuresInARow > 0 || now - lastRoleCheck >= r.config().roleCheckInterval().toNanos();
                if (periodic) {
                    lastRoleCheck = now;
                    roleCheck();
                    membership.refresh(etcdMemberId, ready());
                    watch.ensure();
                }
                switch (state.role()) {
                    case FOLLOWER -> {
                        if (pipelineFinished()) {
                            if (!periodic) {
                                waitOutApplyGap();
                            }
                            lastCatchUpNanos = System.nanoTime();
                            follower.catchUp(periodic);
                        }
                    }
                    case LEARNER -> {
                        if (pipelineFinished()) {
                            learner.recover();
                        }
                    }
                    default -> { }
                }
                failuresInARow = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failuresInARow++;
                r.log().warn("role loop: {}", e.toString());
                sleepQuietly(pace.pauseAfter(failuresInARow));
            } finally {
                roundStartedNanos = 0;
            }
        }
    }

    /**
     * A catch-up that a watch event starts waits until {@link dev.br2k.replication.Br2kConfig#followerApplyGap} has
     * passed since the last began, so that under load one read takes what the leader committed meanwhile instead of
     * one read per commit.
     */
    private void waitOutApplyGap() throws InterruptedException {
        long left = r.config().followerApplyGap().toNanos() - (System.nanoTime() - lastCatchUpNanos);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private void roleCheck() throws InterruptedException {
        Role role = state.role();
        if (role != Role.LEADER) {
            state.knownLeader().filter(l -> !l.id().equals(r.id())).ifPresent(l -> probe.probe(URI.create(l.url())));
        }
        Optional<StatusResponse> status = statusReader.read();
        if (status.isEmpty()) {
            r.log().debug("member status unavailable from {}", r.config().etcdEndpoints().get(0));
        }
        boolean leaderCondition = status.map(s -> s.getLeader() != 0 && s.getLeader() == s.getHeader().getMemberId())
                .orElse(false);
        status.ifPresent(s -> {
            etcdMemberId = Long.toHexString(s.getHeader().getMemberId());
            raftLeaderSeen = s.getLeader();
        });
        if (role == Role.LEADER) {
            if (status.isEmpty()) {
                stepDown("cannot read the status of the co-located etcd member");
            } else if (!leaderCondition) {
                stepDown("the co-located etcd member is no longer the Raft leader");
            } else {
                LeaderPipeline p = pipeline;
                var holder = r.store().leaderKey();
                if (p != null && !holder.map(p.fence()::holds).orElse(false)) {
                    stepDown("the leader key was written by another takeover (it names "
                            + holder.map(held -> held.value().id()).orElse("nobody") + ")");
                }
            }
        } else if (role == Role.FOLLOWER && leaderCondition && pipelineFinished() && !state.reloadProgress()) {
            if (!membership.handOffIfBehind(status.get(), probe)) {
                takeover.run(status.get().getRaftTerm());
            }
        } else if (role == Role.FOLLOWER && status.isPresent() && !state.reloadProgress()) {
            membership.nudgeIfLeaderless(status.get(), probe);
        }
    }

    /** Whether this replica could lead now: leading, or a Follower that is following (not starting, stepping down or restoring). */
    boolean ready() {
        Role now = state.role();
        LeaderPipeline p = pipeline;
        return now == Role.LEADER || now == Role.REGISTER
                || now == Role.FOLLOWER && !state.reloadProgress() && (p == null || p.finished());
    }

    @Override
    public void becomeRegister() {
        state.registering();
    }

    @Override
    public synchronized void becomeLeader(Fence fence, long size) {
        LeaderValue me = fence.me();
        state.leads(me, size);
        r.metrics().failover();
        LeaderPipeline p = new LeaderPipeline(r, this, fence, size);
        this.pipeline = p;
        p.start();
        r.log().info("is now the leader (etcd term {}, log size {}, state version {})", me.term(), size, state.ssv());
        publishLocation(fence.leaderTerm());
    }

    private void publishLocation(LeaderTerm term) {
        URI url = state.url();
        Thread t = new Thread(() -> {
            for (int attempt = 1; attempt <= 5 && state.role() == Role.LEADER; attempt++) {
                try {
                    r.config().locationPublisher().publish(r.config().serviceName(), url, term);
                    r.log().info("published location {} ({})", url, term);
                    return;
                } catch (StaleLeaderTermException e) {
                    r.log().warn("does not publish location {}: a newer leader already published ({}, ours {}); not retrying",
                            url, e.stored(), e.given());
                    return;
                } catch (Exception e) {
                    r.log().warn("cannot publish location (attempt {}): {}", attempt, e.toString());
                    sleepQuietly(Duration.ofSeconds(attempt));
                }
            }
        }, "br2k-" + r.id() + "-publish");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public synchronized void stepDown(String reason) {
        if (state.role() != Role.LEADER && state.role() != Role.REGISTER) {
            return;
        }
        r.log().warn("steps down: {}", reason);
        state.leftLeadership();
        stopPipeline(reason);
        r.wake().poke();
    }

    @Override
    public synchronized void becomeLearner(String reason) {
        if (state.role() == Role.LEARNER) {
            return;
        }
        r.log().warn("becomes Learner: {}", reason);
        if (state.role() == Role.LEADER || state.role() == Role.REGISTER) {
            stopPipeline(reason);
        }
        state.learning();
        r.wake().poke();
    }

    @Override
    public synchronized void becomeFollower() {
        state.recovered();
        r.wake().poke();
    }

    private void stopPipeline(String reason) {
        LeaderPipeline p = pipeline;
        if (p != null) {
            p.stop(reason);
        }
    }

    private boolean pipelineFinished() {
        LeaderPipeline p = pipeline;
        if (p == null) {
            return true;
        }
        if (p.finished()) {
            pipeline = null;
            return true;
        }
        return false;
    }

    /** Submits a request on the leader. */
    CompletableFuture<StoredResponse> submit(LogEntry entry, boolean clientRequestId) {
        LeaderPipeline p = pipeline;
        if (state.role() != Role.LEADER || p == null) {
            throw new NotLeaderException("this replica is not the leader");
        }
        return p.submit(entry, clientRequestId);
    }

    /** Asks the leader to back up and compact at the next opportunity; false if this replica does not lead. */
    boolean requestBackup() {
        LeaderPipeline p = pipeline;
        if (state.role() != Role.LEADER || p == null) {
            return false;
        }
        p.requestBackup();
        return true;
    }

    /** The leader clients should be sent to: the known one, unless it failed its last probe. */
    Optional<LeaderValue> answeringLeader() {
        return state.knownLeader().filter(l -> !l.id().equals(r.id()))
                .filter(l -> probe.answers(URI.create(l.url())));
    }

    /**
     * Stops the role loop and the leader pipeline, waiting for each at most the etcd timeout; a Follower records
     * its progress, so that a restart needs no restore.
     */
    void close() {
        state.closing();
        stepDown("the replica is closing");
        r.wake().poke();
        if (control != null) {
            try {
                control.join(r.config().etcdTimeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LeaderPipeline p = pipeline;
        if (p != null) {
            p.awaitFinished(r.config().etcdTimeout().plusSeconds(2));
        }
        if (state.role() == Role.FOLLOWER && (p == null || p.finished())) {
            r.stateLock().lock();
            try {
                follower.flush();
            } catch (RuntimeException e) {
                r.log().warn("cannot record progress while closing: {}", e.toString());
            } finally {
                r.stateLock().unlock();
            }
        }
        watch.close();
        membership.revoke();
    }

    @Override
    public Thread thread() {
        return control;
    }

    @Override
    public long roundStartedNanos() {
        return roundStartedNanos;
    }

    @Override
    public long raftLeaderSeen() {
        return raftLeaderSeen;
    }

    @Override
    public Role role() {
        return state.role();
    }

    static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
