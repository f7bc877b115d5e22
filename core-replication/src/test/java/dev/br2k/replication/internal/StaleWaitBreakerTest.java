package dev.br2k.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.protocol.Role;
import dev.br2k.replication.internal.log.Etcd;
import io.etcd.jetcd.maintenance.StatusResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The breaker against a real waiting thread: a call that etcd never answers (a future nobody completes). */
class StaleWaitBreakerTest {
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final long OLD_LEADER = 0x1aL;
    private static final long NEW_LEADER = 0x2bL;

    private final Etcd etcd = new Etcd(null, Duration.ofSeconds(60));
    private final AtomicReference<Throwable> waiterFailed = new AtomicReference<>();
    private volatile Role role = Role.FOLLOWER;
    private volatile long roundStarted;
    private volatile long statusLeader = NEW_LEADER;
    private Thread waiter;

    private final StaleWaitBreaker.Loop loop = new StaleWaitBreaker.Loop() {
        @Override
        public Thread thread() {
            return waiter;
        }

        @Override
        public long roundStartedNanos() {
            return roundStarted;
        }

        @Override
        public long raftLeaderSeen() {
            return OLD_LEADER;
        }

        @Override
        public Role role() {
            return role;
        }
    };

    private final StaleWaitBreaker breaker = new StaleWaitBreaker(loop, etcd, this::status, INTERVAL,
            new ReplicaLog(StaleWaitBreakerTest.class, "r1", () -> role), () -> true);

    private Optional<StatusResponse> status() {
        try {
            return Optional.of(MemberStatusReader.parse(("{\"header\":{\"member_id\":\"43\"},\"leader\":\"" + statusLeader + "\"}")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a thread that waits on an etcd call that never answers, in a round that began a second ago. */
    private void waitOnACallThatNeverAnswers() {
        roundStarted = System.nanoTime() - 1_000_000_000L;
        waiter = new Thread(() -> {
            try {
                etcd.await(new CompletableFuture<>());
            } catch (RuntimeException e) {
                waiterFailed.set(e);
            }
        });
        waiter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.WAITING
                || waiter.getState() == Thread.State.TIMED_WAITING);
    }

    @AfterEach
    void release() throws InterruptedException {
        if (waiter != null && waiter.isAlive()) {
            etcd.abandonWait(waiter, System.nanoTime() + 1);
            waiter.join(5_000);
        }
    }

    @Test
    void a_follower_waiting_since_before_the_raft_leader_changed_is_released_with_an_etcd_failure() throws Exception {
        waitOnACallThatNeverAnswers();

        assertThat(breaker.check(System.nanoTime())).isTrue();

        waiter.join(5_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(waiterFailed.get()).isInstanceOf(dev.br2k.replication.internal.log.EtcdCallFailedException.class)
                .hasMessageContaining("abandoned").hasMessageContaining("Raft leader changed");
    }

    @Test
    void a_wait_is_kept_while_the_raft_leader_is_the_one_the_loop_saw() throws Exception {
        statusLeader = OLD_LEADER;
        waitOnACallThatNeverAnswers();

        assertThat(breaker.check(System.nanoTime())).isFalse();
        assertThat(waiter.isAlive()).isTrue();
    }

    @Test
    void a_wait_is_kept_in_a_round_shorter_than_two_intervals_and_on_a_replica_that_is_not_a_follower() throws Exception {
        waitOnACallThatNeverAnswers();
        roundStarted = System.nanoTime();
        assertThat(breaker.check(System.nanoTime())).as("a round that has just begun").isFalse();

        roundStarted = System.nanoTime() - 1_000_000_000L;
        for (Role other : new Role[] {Role.LEADER, Role.REGISTER, Role.LEARNER}) {
            role = other;
            assertThat(breaker.check(System.nanoTime())).as(other.name()).isFalse();
        }
        assertThat(waiter.isAlive()).isTrue();
    }

    @Test
    void a_call_begun_after_the_change_was_seen_is_not_abandoned() throws Exception {
        roundStarted = System.nanoTime() - 1_000_000_000L;
        waiter = Thread.currentThread(); // no wait yet: the change is seen and nothing is abandoned
        assertThat(breaker.check(System.nanoTime())).isFalse();

        waitOnACallThatNeverAnswers();
        assertThat(breaker.check(System.nanoTime())).isFalse();
        assertThat(waiter.isAlive()).isTrue();
    }
}
