package dev.br2k.replication.internal;

import dev.br2k.protocol.Role;
import dev.br2k.replication.internal.log.Etcd;
import io.etcd.jetcd.maintenance.StatusResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Frees a Follower's role loop from an etcd call that waits on a Raft leader that is gone.
 *
 * <p>An etcd follower forwards writes, lease renewals and read-index requests to its Raft leader. When that
 * leader freezes or is cut off, the other members elect a new one in a second or two, but a call already
 * forwarded to the old one waits for etcd's request timeout (5 s plus two election timeouts: 7 s here) and then
 * fails. The role loop makes such calls (recording progress, renewing the member key, reading the members), so
 * the replica beside the newly elected leader did not take over until its call failed, and a follower moved
 * Raft leadership to itself 1.2 s after the election instead (the harsh robustness run's slowest failovers).
 *
 * <p>While a Follower's role loop has spent more than two role-check intervals in one round, this thread reads
 * the co-located member's status every interval; once the member names a Raft leader other than the one the
 * role loop last saw, it abandons the etcd call that the loop began before that (its outcome is unknown, as
 * after a timeout), and the loop checks its role at once.
 */
final class StaleWaitBreaker {
    /** What the breaker watches: the role loop's thread, round and last seen Raft leader. */
    interface Loop {
        Thread thread();

        /** {@link System#nanoTime} when the current round began; 0 between rounds. */
        long roundStartedNanos();

        /** The Raft leader (member id) that the last role check saw; 0 if none. */
        long raftLeaderSeen();

        Role role();
    }

    private final Loop loop;
    private final Etcd etcd;
    private final StatusSource status;
    private final Duration interval;
    private final ReplicaLog log;
    private final BooleanSupplier running;
    private long changeSeenAt;
    private long changedTo;

    /** The co-located member's status, empty when it does not answer. */
    interface StatusSource {
        Optional<StatusResponse> read() throws InterruptedException;
    }

    StaleWaitBreaker(Loop loop, Etcd etcd, StatusSource status, Duration interval, ReplicaLog log, BooleanSupplier running) {
        this.loop = loop;
        this.etcd = etcd;
        this.status = status;
        this.interval = interval;
        this.log = log;
        this.running = running;
    }

    /** Starts the breaker's daemon thread; it ends when {@code running} turns false. */
    Thread start(String name) {
        Thread t = new Thread(this::run, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void run() {
        while (running.getAsBoolean()) {
            try {
                Thread.sleep(interval.toMillis());
                check(System.nanoTime());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.debug("stale-wait breaker: {}", e.toString());
            }
        }
    }

    /** One check at {@code now}; returns whether a wait was abandoned. */
    boolean check(long now) throws InterruptedException {
        long started = loop.roundStartedNanos();
        if (loop.role() != Role.FOLLOWER || started == 0 || now - started < 2 * interval.toNanos()) {
            changeSeenAt = 0;
            return false;
        }
        Optional<StatusResponse> s = status.read();
        long leader = s.map(StatusResponse::getLeader).orElse(0L);
        if (leader == 0 || leader == loop.raftLeaderSeen()) {
            changeSeenAt = 0;
            return false;
        }
        if (changeSeenAt == 0 || changedTo != leader) {
            changeSeenAt = System.nanoTime();
            changedTo = leader;
        }
        if (!etcd.abandonWait(loop.thread(), changeSeenAt)) {
            return false;
        }
        log.info("the Raft leader changed from {} to {} while the role loop was {} ms into a round: abandoning the etcd "
                        + "call it waits on, which may wait on the old leader until etcd's request timeout",
                loop.raftLeaderSeen() == 0 ? "none" : Long.toHexString(loop.raftLeaderSeen()), Long.toHexString(leader),
                (now - started) / 1_000_000);
        return true;
    }
}
