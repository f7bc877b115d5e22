package dev.br2k.robustness.fault;

import dev.br2k.robustness.RunClock;
import dev.br2k.robustness.cluster.ReplicaCluster;
import dev.br2k.robustness.cluster.ReplicaNode;
import dev.br2k.robustness.network.Network;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Every gap, picks the current leader and applies one fault to it, lets the replica come back, and waits
 * until a leader serves and every replica answers again (a lagging replica may still be catching up, as
 * in production: the next fault does not wait for it). The kinds are drawn from a shuffled bag, so after every
 * round of four each kind has happened equally often.
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

    public Attacker(ReplicaCluster cluster, Network network, AttackSettings settings, RunClock clock, Random random,
                    AtomicBoolean stop) {
        this.cluster = cluster;
        this.network = network;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.stop = stop;
    }

    @Override
    public void run() {
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
            attack(leader.get(), nextKind());
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
                && Arrays.stream(FaultKind.values()).allMatch(k -> done.getOrDefault(k, 0) >= settings.faultsPerKind());
    }

    private FaultKind nextKind() {
        if (bag.isEmpty()) {
            List<FaultKind> round = new ArrayList<>(List.of(FaultKind.values()));
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
        switch (kind) {
            case PARTITION -> network.partition(victim.index());
            case KILL_SERVICE -> victim.killService();
            case KILL_ETCD -> victim.killEtcd();
            case PAUSE -> victim.pause();
        }
        LockSupport.parkNanos((kind == FaultKind.PARTITION || kind == FaultKind.PAUSE
                ? settings.hold() : settings.restartDelay()).toNanos());
        switch (kind) {
            case PARTITION -> network.heal(victim.index());
            case KILL_SERVICE -> victim.startService();
            case KILL_ETCD -> victim.startEtcd();
            case PAUSE -> victim.resume();
        }
        long healed = clock.now();
        boolean recovered = awaitRecovered();
        Optional<Long> recoveredAt = recovered ? Optional.of(clock.now()) : Optional.empty();
        Optional<String> after = recovered ? cluster.leader().map(ReplicaNode::id) : Optional.empty();
        if (!recovered && !stop.get()) {
            problems.add("after fault " + number + " (" + kind + " of " + victim.id() + ") no leader served with every "
                    + "replica answering " + settings.recoveryTimeout().toSeconds() + " s after it healed:\n" + cluster.describe());
        }
        faults.add(new FaultRecord(number, kind, victim.id(), injected, healed, recoveredAt, after));
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
