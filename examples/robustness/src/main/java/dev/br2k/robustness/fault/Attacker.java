package dev.br2k.robustness.fault;

import dev.br2k.robustness.RunClock;
import dev.br2k.robustness.cluster.ReplicaCluster;
import dev.br2k.robustness.cluster.ReplicaNode;
import dev.br2k.robustness.isolation.IsolatedAnswer;
import dev.br2k.robustness.isolation.IsolationProbe;
import dev.br2k.robustness.isolation.ProbeRequest;
import dev.br2k.robustness.network.Network;
import dev.br2k.robustness.workload.Workload;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every gap, picks the current leader and applies one fault to it (or, for {@link FaultKind#FAIL_FOLLOWER},
 * to a follower; for {@link FaultKind#KILL_IN_BACKUP}, to the leader once a backup runs), lets the replica
 * come back, and waits until a leader serves and every replica answers again (a lagging replica may still
 * be catching up, as in production: the next fault does not wait for it). The kinds are drawn from a
 * shuffled bag, so after every round each kind has happened equally often.
 */
public final class Attacker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Attacker.class);

    private final ReplicaCluster cluster;
    private final Network network;
    private final AttackSettings settings;
    private final RunClock clock;
    private final Random random;
    private final AtomicBoolean stop;
    private final List<FaultRecord> faults = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Deque<FaultKind> bag = new ArrayDeque<>();
    private final Map<FaultKind, Integer> done = new EnumMap<>(FaultKind.class);
    private final Workload workload;
    private final String runId;
    private final String classPath;
    private final String service;

    /**
     * @param workload  makes the isolated client's requests
     * @param runId     prefixes the isolated client's request ids
     * @param classPath for the isolated client's JVM
     * @param service   the service's name in etcd (the backup fault watches its keys)
     */
    public Attacker(ReplicaCluster cluster, Network network, AttackSettings settings, RunClock clock, Random random,
                    AtomicBoolean stop, Workload workload, String runId, String classPath, String service) {
        this.cluster = cluster;
        this.network = network;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.stop = stop;
        this.workload = workload;
        this.runId = runId;
        this.classPath = classPath;
        this.service = service;
    }

    @Override
    public void run() {
        try (BackupWatch backups = new BackupWatch(cluster.etcdEndpoints(), service)) {
            attackUntilDone(backups);
        }
    }

    private void attackUntilDone(BackupWatch backups) {
        while (!stop.get() && !quotaMet()) {
            sleepGap();
            if (stop.get()) {
                return;
            }
            Optional<ReplicaNode> leader = awaitLeader();
            if (stop.get()) {
                return;
            }
            if (leader.isEmpty()) {
                problems.add("no leader within " + settings.recoveryTimeout().toSeconds() + " s at "
                        + seconds(clock.now()) + " s; replicas:\n" + cluster.describe());
                continue;
            }
            FaultKind kind = nextKind();
            switch (kind) {
                case FAIL_FOLLOWER -> failFollower(leader.get());
                case KILL_IN_BACKUP -> killInBackup(backups);
                default -> attack(leader.get(), kind);
            }
        }
    }

    private Optional<ReplicaNode> awaitLeader() {
        long deadline = clock.now() + settings.recoveryTimeout().toNanos();
        while (!stop.get() && clock.now() < deadline) {
            Optional<ReplicaNode> l = cluster.leader();
            if (l.isPresent()) {
                return l;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return Optional.empty();
    }

    /** Waits until every replica answers and one leads; gives up after the recovery timeout or when stopped. */
    private boolean awaitRecovered() {
        long deadline = clock.now() + settings.recoveryTimeout().toNanos();
        while (clock.now() < deadline) {
            if (cluster.recovered()) {
                return true;
            }
            if (stop.get()) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return false;
    }

    private boolean quotaMet() {
        return settings.faultsPerKind() > 0
                && settings.kinds().stream().allMatch(k -> done.getOrDefault(k, 0) >= settings.faultsPerKind());
    }

    private FaultKind nextKind() {
        if (bag.isEmpty()) {
            List<FaultKind> round = new ArrayList<>(settings.kinds().stream().sorted().toList());
            Collections.shuffle(round, random);
            bag.addAll(round);
        }
        return bag.poll();
    }

    private void sleepGap() {
        long min = settings.minGap().toNanos();
        long max = settings.maxGap().toNanos();
        long gap = min + (max > min ? (long) (random.nextDouble() * (max - min)) : 0);
        long until = clock.now() + gap;
        while (!stop.get() && clock.now() < until) {
            LockSupport.parkNanos(Math.min(until - clock.now(), Duration.ofMillis(100).toNanos()));
        }
    }

    private void attack(ReplicaNode victim, FaultKind kind) {
        int number = faults.size() + 1;
        LOG.info("fault {}: {} of leader {}", number, kind, victim.id());
        long injected = clock.now();
        List<IsolatedAnswer> answers = List.of();
        switch (kind) {
            case PARTITION, ISOLATE_LEADER -> network.partition(victim.index());
            case KILL_SERVICE -> victim.killService();
            case KILL_ETCD -> victim.killEtcd();
            case PAUSE -> victim.pause();
            default -> throw new IllegalArgumentException(kind + " is not a fault of the leader alone");
        }
        if (kind == FaultKind.ISOLATE_LEADER) {
            answers = isolatedClient(victim, number, injected);
        } else {
            LockSupport.parkNanos((kind == FaultKind.PARTITION || kind == FaultKind.PAUSE
                    ? settings.hold() : settings.restartDelay()).toNanos());
        }
        switch (kind) {
            case PARTITION, ISOLATE_LEADER -> network.heal(victim.index());
            case KILL_SERVICE -> victim.startService();
            case KILL_ETCD -> victim.startEtcd();
            case PAUSE -> victim.resume();
            default -> throw new IllegalArgumentException(kind + " is not a fault of the leader alone");
        }
        String note = kind == FaultKind.ISOLATE_LEADER ? describe(answers) : "";
        finish(number, kind, victim, injected, answers, note);
    }

    /**
     * While the leader is cut off: a client inside its namespace sends reads and writes straight to it until
     * shortly before the isolation ends. Returns what it was answered.
     */
    private List<IsolatedAnswer> isolatedClient(ReplicaNode leader, int number, long injected) {
        List<ProbeRequest> requests = new ArrayList<>();
        long perSecond = 10;
        for (long n = 0; n < settings.isolation().toSeconds() * perSecond + 10; n++) {
            String id = runId + "-iso" + number + "-" + n;
            requests.add(n % 2 == 0 ? new ProbeRequest(true, workload.request(1, id))
                    : new ProbeRequest(false, workload.read(1, id)));
        }
        Duration clientTime = settings.isolation().minus(Duration.ofMillis(1500));
        IsolationProbe probe = IsolationProbe.start(network.exec(leader.index()), leader.url(),
                clientTime.isNegative() ? Duration.ofMillis(500) : clientTime, requests, classPath, leader.logDir(),
                "fault-" + number + "-isolated-client");
        long until = injected + settings.isolation().toNanos();
        while (clock.now() < until) {
            LockSupport.parkNanos(Math.min(until - clock.now(), Duration.ofMillis(100).toNanos()));
        }
        // the client ends by itself before the isolation does (later if its JVM was slow to start on a loaded
        // machine); the link goes up only once it has
        List<IsolatedAnswer> answers = probe.finish(Duration.ofSeconds(60));
        LOG.info("fault {}: the client inside {}'s namespace got {}", number, leader.id(), describe(answers));
        return answers;
    }

    static String describe(List<IsolatedAnswer> answers) {
        long ok = answers.stream().filter(IsolatedAnswer::success).count();
        long redirects = answers.stream().filter(IsolatedAnswer::redirect).count();
        long none = answers.stream().filter(IsolatedAnswer::noAnswer).count();
        long writes = answers.stream().filter(IsolatedAnswer::write).count();
        return String.format("isolated client: %d answers (%d writes, %d reads): %d 2xx, %d redirects, %d other refusals, "
                        + "%d without answer", answers.size(), writes, answers.size() - writes, ok, redirects,
                answers.size() - ok - redirects - none, none);
    }

    /** A follower's replicated handlers throw for the handler-failure time, then work again. */
    private void failFollower(ReplicaNode leader) {
        List<ReplicaNode> followers = cluster.nodes().stream().filter(n -> !n.id().equals(leader.id())).toList();
        ReplicaNode victim = followers.get(random.nextInt(followers.size()));
        int number = faults.size() + 1;
        LOG.info("fault {}: {} of follower {} for {} s", number, FaultKind.FAIL_FOLLOWER, victim.id(),
                settings.handlerFailure().toMillis() / 1000.0);
        long injected = clock.now();
        victim.failWrites();
        try {
            LockSupport.parkNanos(settings.handlerFailure().toNanos());
        } finally {
            victim.stopFailingWrites();
        }
        finish(number, FaultKind.FAIL_FOLLOWER, victim, injected, List.of(), "follower " + victim.id() + " (leader "
                + leader.id() + ")");
    }

    /** Waits for a backup to begin, kills the service of the leader running it, and restarts it. */
    private void killInBackup(BackupWatch backups) {
        Optional<BackupWatch.InProgress> inBackup = backups.awaitBackupStart(settings.backupWait(), stop);
        if (inBackup.isEmpty()) {
            if (!stop.get()) {
                problems.add("no backup began within " + settings.backupWait().toSeconds() + " s at "
                        + seconds(clock.now()) + " s, so one KILL_IN_BACKUP fault was not made");
            }
            done.merge(FaultKind.KILL_IN_BACKUP, 1, Integer::sum);
            return;
        }
        ReplicaNode victim = cluster.node(inBackup.get().leader());
        int number = faults.size() + 1;
        LOG.info("fault {}: {} of leader {} (service-state is -1)", number, FaultKind.KILL_IN_BACKUP, victim.id());
        long injected = clock.now();
        victim.killService();
        // did the kill interrupt the backup, or had its last step (the state version up) landed already?
        Optional<Long> afterKill = backups.stateVersion();
        long version = inBackup.get().stateVersion();
        String note = afterKill.map(v -> v == version ? "interrupted the backup of state version " + version
                : "came after the backup of state version " + version + " had committed").orElse("state version unknown");
        LockSupport.parkNanos(settings.restartDelay().toNanos());
        victim.startService();
        finish(number, FaultKind.KILL_IN_BACKUP, victim, injected, List.of(), "kill " + note);
    }

    private void finish(int number, FaultKind kind, ReplicaNode victim, long injected, List<IsolatedAnswer> answers,
                        String note) {
        long healed = clock.now();
        boolean recovered = awaitRecovered();
        Optional<Long> recoveredAt = recovered ? Optional.of(clock.now()) : Optional.empty();
        Optional<String> after = recovered ? cluster.leader().map(ReplicaNode::id) : Optional.empty();
        if (!recovered && !stop.get()) {
            problems.add("after fault " + number + " (" + kind + " of " + victim.id() + ") no leader served with every "
                    + "replica answering " + settings.recoveryTimeout().toSeconds() + " s after it healed:\n" + cluster.describe());
        }
        faults.add(new FaultRecord(number, kind, victim.id(), injected, healed, recoveredAt, after, answers, note));
        done.merge(kind, 1, Integer::sum);
    }

    /** The faults applied so far, in order. */
    public List<FaultRecord> faults() {
        return List.copyOf(faults);
    }

    /** What went wrong on the way: no leader to attack, no convergence after a fault. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }
}
