package dev.br2k.replication.location;

import java.util.Comparator;

/**
 * When a leader took over: the etcd Raft term of its etcd member at the takeover and the etcd
 * revision of its write of the leader key. Later takeovers of one etcd cluster have greater pairs
 * (compared term first, then revision), so a publisher can tell a new leader's location from a
 * deposed leader's late one.
 *
 * @param etcdTerm the etcd Raft term the leader took over in, at least 0
 * @param revision the etcd revision of the takeover (the leader key's mod revision), at least 0
 */
public record LeaderTerm(long etcdTerm, long revision) implements Comparable<LeaderTerm> {

    private static final Comparator<LeaderTerm> ORDER =
            Comparator.comparingLong(LeaderTerm::etcdTerm).thenComparingLong(LeaderTerm::revision);

    public LeaderTerm {
        if (etcdTerm < 0) {
            throw new IllegalArgumentException("etcdTerm must be at least 0, was " + etcdTerm);
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be at least 0, was " + revision);
        }
    }

    /** Whether this term is strictly later than {@code other}. */
    public boolean isAfter(LeaderTerm other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(LeaderTerm other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "etcd term " + etcdTerm + ", revision " + revision;
    }
}
