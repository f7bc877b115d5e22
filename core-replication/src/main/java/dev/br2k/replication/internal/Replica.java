package dev.br2k.replication.internal;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.protocol.LeaderValue;
import dev.br2k.protocol.Role;
import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.internal.access.EtcdAccess;
import dev.br2k.replication.internal.follower.Follower;
import dev.br2k.replication.internal.leader.LeaderPipeline;
import dev.br2k.replication.internal.leader.Takeover;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.StoredResponse;
import dev.br2k.replication.internal.metrics.ReplicaMetrics;
import dev.br2k.replication.internal.recovery.Learner;
import dev.br2k.replication.location.LeaderTerm;
import dev.br2k.replication.location.StaleLeaderTermException;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.maintenance.StatusResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One replica's runtime: the role loop (spec §1.2) on a control thread, and the shared state the
 * feature classes ({@link Takeover}, {@link LeaderPipeline}, {@link Follower}, {@link Learner}) work on.
 * Every change to local state happens under {@link #stateLock()}.
 */
public final class Replica implements AutoCloseable {
    private final Br2kConfig config;
    private final EntryRunner entries;
    private final KeyLayout keys;
    private final EtcdAccess access;
    private final Client client;
    private final MemberStatusReader statusReader;
    private final Etcd etcd;
    private final dev.br2k.replication.internal.log.ServiceStore store;
    private final dev.br2k.replication.internal.log.ProgressRecorder progress;
    private final ReplicaLog log;
    private final ReplicaMetrics metrics;
    private final LocalMeta meta;
    private final ReentrantLock stateLock = new ReentrantLock();
    private final LinkedBlockingQueue<Boolean> wake = new LinkedBlockingQueue<>();
    private final Follower follower;
    private final Learner learner;
    private final Takeover takeover;
    private final Membership membership;
    private final ServiceStateWatch watch;
    private final LeaderProbe probe;
    private final CrashPoints crashPoints;

    private volatile Role role = Role.FOLLOWER;
    private volatile boolean running;
    private volatile URI url;
    private volatile long lpi;
    private volatile long ssv = 1;
    private volatile long ssi;
    private volatile long logSize;
    private volatile long stateVersion = 1;
    private volatile Optional<LeaderValue> knownLeader = Optional.empty();
    private volatile Optional<BackupRecord> lastBackup = Optional.empty();
    private volatile Optional<String> problem = Optional.empty();
    private volatile Optional<String> applyProblem = Optional.empty();
    private volatile boolean reloadProgress = true;
    private volatile long restoredThrough;
    private volatile LeaderPipeline pipeline;
    private volatile String etcdMemberId = "";
    /** When the role loop's current round began ({@link System#nanoTime}); 0 between rounds. */
    private volatile long roundStartedNanos;
    /** The Raft leader the last role check saw (etcd member id; 0 if none). */
    private volatile long raftLeaderSeen;
    private Thread control;

    public Replica(Br2kConfig config, Map<String, Route> routes) {
        this.config = config;
        this.keys = new KeyLayout(config.serviceName());
        this.access = EtcdAccess.load(config);
        Optional<String> unreached = access.isPlain() ? Optional.empty() : preflight(config, access);
        // The co-located member only. This replica's role follows that member; a client given every member fell
        // over to another one (pick_first) while its own was down and stayed there after it came back, so each
        // role check then blocked for as long as that other member was frozen or cut off (FailoverIT).
        this.client = access.clientBuilder(List.of(config.etcdEndpoints().get(0)))
                .loadBalancerPolicy("pick_first")
                .connectTimeout(Duration.ofSeconds(2))
                .keepaliveTime(Duration.ofSeconds(5))
                .keepaliveTimeout(Duration.ofSeconds(3))
                // fail fast and retry briefly: jetcd's defaults (wait for a ready channel, retries 0.5-2.5 s
                // apart) kept the role loop blocked for seconds after an etcd member died
                .waitForReady(false)
                .retryDelay(50)
                .retryMaxDelay(250)
                .retryChronoUnit(java.time.temporal.ChronoUnit.MILLIS)
                .build();
        this.etcd = new Etcd(client.getKVClient(), config.etcdTimeout());
        this.statusReader = new MemberStatusReader(config.etcdEndpoints().get(0),
                Duration.ofMillis(Math.min(1000, config.etcdTimeout().toMillis())), access);
        this.store = new dev.br2k.replication.internal.log.ServiceStore(etcd, keys);
        this.progress = new dev.br2k.replication.internal.log.ProgressRecorder(etcd, store, keys, config.replicaId());
        this.log = new ReplicaLog(Replica.class, config.replicaId(), () -> role);
        // the role check probes the known leader every interval: a few intervals without a probe start a new count
        this.probe = new LeaderProbe(config.roleCheckInterval().multipliedBy(5).compareTo(Duration.ofSeconds(1)) > 0
                ? config.roleCheckInterval().multipliedBy(5) : Duration.ofSeconds(1));
        unreached.ifPresent(note -> log.warn("{}", note));
        this.entries = new EntryRunner(routes, config.stateDir(), log);
        this.metrics = new ReplicaMetrics(this);
        this.meta = new LocalMeta(config.stateDir(), config.stateHooks().durable());
        this.follower = new Follower(this);
        this.learner = new Learner(this);
        this.takeover = new Takeover(this);
        this.membership = new Membership(this);
        this.watch = new ServiceStateWatch(this);
        this.crashPoints = new CrashPoints(config.crashPoints(), config.stateDir(), log);
    }

    /** Starts the role loop; {@code url} is where this replica's HTTP server is reached. */
    public void start(URI advertisedUrl) {
        this.url = advertisedUrl;
        boolean missing = meta.read()
                .map(m -> !m.service().equals(config.serviceName()) || !m.replica().equals(config.replicaId()))
                .orElse(true);
        boolean rebooted = meta.machineRestarted() && !config.stateHooks().durable();
        boolean needsRecovery = missing || meta.applying() || rebooted;
        role = needsRecovery ? Role.LEARNER : Role.FOLLOWER;
        log.info("starting at {} (etcd {}); {}", url, config.etcdEndpoints(),
                missing ? "local state is missing: restoring it first"
                        : meta.applying() ? "local state may hold entries etcd never confirmed (I3): restoring it first"
                        : rebooted ? "the machine restarted since this state was written and the service does not declare "
                                + "it durable, so its recorded progress may be ahead of the disk (I5): restoring it first"
                        : "local state found: following the log");
        try {
            meta.recordBootId();
        } catch (java.io.IOException e) {
            throw new dev.br2k.replication.Br2kException("cannot write " + config.stateDir() + "/.br2k/boot-id: " + e.getMessage()
                    + ". Check that the state directory is writable", e);
        }
        running = true;
        control = new Thread(this::controlLoop, "br2k-" + config.replicaId() + "-control");
        control.setDaemon(true);
        control.start();
        Thread loop = control;
        new StaleWaitBreaker(new StaleWaitBreaker.Loop() {
            @Override
            public Thread thread() {
                return loop;
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
                return role;
            }
        }, etcd, statusReader::read, config.roleCheckInterval(), log, () -> running)
                .start("br2k-" + config.replicaId() + "-stale-wait-breaker");
        if (config.etcdUser().isPresent()) {
            log.info("etcd authentication is on: this replica leaves defragmenting its etcd member to the operator (it needs "
                    + "the root role): run 'etcdctl defrag' on a member whose database keeps growing");
        } else {
            new EtcdDefragmenter(config.etcdEndpoints().get(0), access, config.etcdTimeout(), etcd, client.getLeaseClient(),
                    keys.defragmenting(), config.replicaId(), EtcdDefragmenter.DEFAULT_MIN_DB_BYTES, log)
                    .start("br2k-" + config.replicaId() + "-defrag", EtcdDefragmenter.DEFAULT_EVERY, () -> running);
        }
    }

    private void controlLoop() {
        RolePace pace = new RolePace(config.roleCheckInterval());
        long lastRoleCheck = 0;
        int failuresInARow = 0;
        while (running) {
            try {
                if (failuresInARow == 0) {
                    wake.poll(config.roleCheckInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
                wake.clear();
                if (!running) {
                    break;
                }
                long now = System.nanoTime();
                roundStartedNanos = now;
                // after a failed round (often "leader changed" during an election) check again at once
                boolean periodic = failuresInARow > 0 || now - lastRoleCheck >= config.roleCheckInterval().toNanos();
                if (periodic) {
                    lastRoleCheck = now;
                    roleCheck();
                    membership.refresh(etcdMemberId);
                    watch.ensure();
                }
                switch (role) {
                    case FOLLOWER -> {
                        if (pipelineFinished()) {
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
                log.warn("role loop: {}", e.toString());
                sleepQuietly(pace.pauseAfter(failuresInARow));
            } finally {
                roundStartedNanos = 0;
            }
        }
    }

    private void roleCheck() throws InterruptedException {
        if (role != Role.LEADER) {
            knownLeader.filter(l -> !l.id().equals(config.replicaId())).ifPresent(l -> probe.probe(URI.create(l.url())));
        }
        Optional<StatusResponse> status = memberStatus();
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
                var holder = store.leaderKey();
                if (p != null && !holder.map(p.fence()::holds).orElse(false)) {
                    stepDown("the leader key was written by another takeover (it names "
                            + holder.map(held -> held.value().id()).orElse("nobody")
                            + ")");
                }
            }
        } else if (role == Role.FOLLOWER && leaderCondition && pipelineFinished() && !reloadProgress) {
            if (!membership.handOffIfBehind(status.get(), probe)) {
                takeover.run(status.get().getRaftTerm());
            }
        } else if (role == Role.FOLLOWER && status.isPresent() && !reloadProgress) {
            membership.nudgeIfLeaderless(status.get(), probe);
        }
    }

    private Optional<StatusResponse> memberStatus() throws InterruptedException {
        Optional<StatusResponse> status = statusReader.read();
        if (status.isEmpty()) {
            log.debug("member status unavailable from {}", config.etcdEndpoints().get(0));
        }
        return status;
    }

    /** Whether this replica could lead now: leading, or a Follower that is following (not starting, stepping down or restoring). */
    public boolean ready() {
        Role now = role;
        return now == Role.LEADER || now == Role.REGISTER
                || now == Role.FOLLOWER && !reloadProgress && (pipeline == null || pipeline.finished());
    }

    /** Wakes the role loop now instead of at the next interval. */
    public void poke() {
        wake.offer(Boolean.TRUE);
    }

    /** Called by {@link Takeover} once this replica holds the leader key and has prepared. */
    public synchronized void becomeLeader(dev.br2k.replication.internal.leader.Fence fence, long size) {
        LeaderValue me = fence.me();
        this.logSize = size;
        this.ssi = size;
        this.lpi = size;
        this.knownLeader = Optional.of(me);
        this.role = Role.LEADER;
        metrics.failover();
        LeaderPipeline p = new LeaderPipeline(this, fence, size);
        this.pipeline = p;
        p.start();
        log.info("is now the leader (etcd term {}, log size {}, state version {})", me.term(), size, ssv);
        publishLocation(fence.leaderTerm());
    }

    private void publishLocation(LeaderTerm term) {
        Thread t = new Thread(() -> {
            for (int attempt = 1; attempt <= 5 && role == Role.LEADER; attempt++) {
                try {
                    config.locationPublisher().publish(config.serviceName(), url, term);
                    log.info("published location {} ({})", url, term);
                    return;
                } catch (StaleLeaderTermException e) {
                    log.warn("does not publish location {}: a newer leader already published ({}, ours {}); not retrying",
                            url, e.stored(), e.given());
                    return;
                } catch (Exception e) {
                    log.warn("cannot publish location (attempt {}): {}", attempt, e.toString());
                    sleepQuietly(Duration.ofSeconds(attempt));
                }
            }
        }, "br2k-" + config.replicaId() + "-publish");
        t.setDaemon(true);
        t.start();
    }

    /** Leaves the leader (or register) role; pending requests get 503. Safe to call from any thread. */
    public synchronized void stepDown(String reason) {
        if (role != Role.LEADER && role != Role.REGISTER) {
            return;
        }
        log.warn("steps down: {}", reason);
        role = Role.FOLLOWER;
        reloadProgress = true;
        LeaderPipeline p = pipeline;
        if (p != null) {
            p.stop(reason);
        }
        poke();
    }

    /** Marks the local state as possibly inconsistent; the role loop restores it. */
    public synchronized void becomeLearner(String reason) {
        if (role == Role.LEARNER) {
            return;
        }
        log.warn("becomes Learner: {}", reason);
        if (role == Role.LEADER || role == Role.REGISTER) {
            LeaderPipeline p = pipeline;
            if (p != null) {
                p.stop(reason);
            }
        }
        role = Role.LEARNER;
        poke();
    }

    public synchronized void becomeFollower() {
        role = Role.FOLLOWER;
        problem = Optional.empty();
        poke();
    }

    public void setRegister() {
        role = Role.REGISTER;
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
    public java.util.concurrent.CompletableFuture<StoredResponse> submit(LogEntry entry, boolean clientRequestId) {
        LeaderPipeline p = pipeline;
        if (role != Role.LEADER || p == null) {
            throw new dev.br2k.replication.NotLeaderException("this replica is not the leader");
        }
        return p.submit(entry, clientRequestId);
    }

    /** Asks the leader to back up and compact at the next opportunity. */
    public boolean requestBackup() {
        LeaderPipeline p = pipeline;
        if (role != Role.LEADER || p == null) {
            return false;
        }
        p.requestBackup();
        return true;
    }

    /** Halts the process at a configured crash point (tests only); see {@link CrashPoints}. */
    public void crashPoint(dev.br2k.replication.CrashPoint point, long fromIndex, long toIndex) {
        crashPoints.reached(point, fromIndex, toIndex);
    }

    @Override
    public void close() {
        running = false;
        stepDown("the replica is closing");
        poke();
        if (control != null) {
            try {
                control.join(config.etcdTimeout().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LeaderPipeline p = pipeline;
        if (p != null) {
            p.awaitFinished(config.etcdTimeout().plusSeconds(2));
        }
        if (role == Role.FOLLOWER && (p == null || p.finished())) {
            stateLock.lock();
            try {
                follower.flush(); // a clean stop records its progress, so a restart needs no restore
            } catch (RuntimeException e) {
                log.warn("cannot record progress while closing: {}", e.toString());
            } finally {
                stateLock.unlock();
            }
        }
        watch.close();
        membership.revoke();
        client.close();
        log.info("closed");
    }

    static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- accessors for the feature classes ---

    public Br2kConfig config() {
        return config;
    }

    public String id() {
        return config.replicaId();
    }

    public KeyLayout keys() {
        return keys;
    }

    public Client client() {
        return client;
    }

    /** How this replica reaches etcd (TLS, user): for every further etcd client it opens. */
    public EtcdAccess access() {
        return access;
    }

    private static Optional<String> preflight(Br2kConfig config, EtcdAccess access) {
        try {
            return dev.br2k.replication.internal.access.EtcdPreflight.check(access, config.etcdEndpoints().get(0),
                    Duration.ofMillis(Math.min(2000, config.etcdTimeout().toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.br2k.replication.Br2kException("interrupted while checking the etcd credentials", e);
        }
    }

    public Etcd etcd() {
        return etcd;
    }

    /** Writes this replica's own {@code lpi} and {@code ssv} outside the leader's commit. */
    public dev.br2k.replication.internal.log.ProgressRecorder progress() {
        return progress;
    }

    /** Typed reads of the service's keys. */
    public dev.br2k.replication.internal.log.ServiceStore store() {
        return store;
    }

    public ReplicaLog log() {
        return log;
    }

    public ReplicaMetrics metrics() {
        return metrics;
    }

    public LocalMeta meta() {
        return meta;
    }

    public ReentrantLock stateLock() {
        return stateLock;
    }

    public Role role() {
        return role;
    }

    public URI url() {
        return url;
    }

    public boolean running() {
        return running;
    }

    public long lpi() {
        return lpi;
    }

    public long ssv() {
        return ssv;
    }

    public long ssi() {
        return ssi;
    }

    public long logSize() {
        return logSize;
    }

    public long stateVersion() {
        return stateVersion;
    }

    public Optional<LeaderValue> knownLeader() {
        return knownLeader;
    }

    /** The leader clients should be sent to: the known one, unless it failed its last probe. */
    public Optional<LeaderValue> answeringLeader() {
        return knownLeader.filter(l -> !l.id().equals(config.replicaId()))
                .filter(l -> probe.answers(URI.create(l.url())));
    }

    public Optional<BackupRecord> lastBackup() {
        return lastBackup;
    }

    /** The last recovery error, else a committed entry this replica cannot apply (I4). */
    public Optional<String> problem() {
        return problem.or(() -> applyProblem);
    }

    /** Reports (or, with empty, clears) an entry this replica cannot apply. */
    public void setApplyProblem(Optional<String> message) {
        applyProblem = message;
    }

    public boolean reloadProgress() {
        return reloadProgress;
    }

    public void progressReloaded() {
        reloadProgress = false;
    }

    /** The newest service-state value the watch delivered (-1 before any), with the revision that wrote it. */
    public ServiceStateWatch.Watched watched() {
        return watch.latest();
    }

    /**
     * The log size when this replica last restored a backup: entries up to it that it marked IN_PROCESS
     * were undone by the restore, so the completion check ignores them.
     */
    public long restoredThrough() {
        return restoredThrough;
    }

    public void setRestoredThrough(long value) {
        restoredThrough = value;
    }

    public void setLpi(long value) {
        lpi = value;
    }

    public void setSsv(long value) {
        ssv = value;
    }

    public void observed(long newSsi, long newLogSize, long newStateVersion, Optional<LeaderValue> leader,
                         Optional<BackupRecord> backup) {
        ssi = newSsi;
        logSize = newLogSize;
        stateVersion = newStateVersion;
        knownLeader = leader;
        if (backup.isPresent()) {
            lastBackup = backup;
        }
    }

    public void setLogSize(long value) {
        logSize = value;
    }

    public void setSsi(long value) {
        ssi = value;
    }

    public void setStateVersion(long value) {
        stateVersion = value;
    }

    public void setLastBackup(BackupRecord record) {
        lastBackup = Optional.of(record);
    }

    public void setProblem(String message) {
        problem = Optional.ofNullable(message);
    }

    public Optional<Route> route(HttpMethod method, String path) {
        return entries.route(method, path);
    }

    /** Runs entries' handlers on the local state (hold {@link #stateLock()}). */
    public EntryRunner entries() {
        return entries;
    }
}
