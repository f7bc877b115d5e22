package dev.br2k.replication.internal;

import java.time.Duration;

/**
 * How the role loop paces itself after an etcd call fails.
 *
 * <p>The failure that matters most is "etcdserver: leader changed": it arrives while etcd elects a new
 * Raft leader, and the replica beside the new Raft leader must take the leader key as soon as the
 * election ends. So the first pause is a fifth of the role-check interval and the role is checked right
 * after it; each further failure in a row doubles the pause, up to twice the interval, so a member that
 * stays unreachable is not asked (or logged) more often than before.
 *
 * @param interval the role-check interval ({@code Br2kConfig.roleCheckInterval})
 */
public record RolePace(Duration interval) {

    public RolePace {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the role-check interval must be positive, was " + interval);
        }
    }

    /** The pause after {@code failuresInARow} failed rounds (1 for the first); the role is checked right after. */
    public Duration pauseAfter(int failuresInARow) {
        if (failuresInARow < 1) {
            throw new IllegalArgumentException("failuresInARow starts at 1, was " + failuresInARow);
        }
        Duration longest = interval.multipliedBy(2);
        Duration pause = interval.dividedBy(5);
        for (int i = 1; i < failuresInARow && pause.compareTo(longest) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longest) < 0 ? pause : longest;
    }
}
