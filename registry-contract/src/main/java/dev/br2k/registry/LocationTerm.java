package dev.br2k.registry;

import java.util.Comparator;

/**
 * The leader term a location is published with ({@code updateLocation}): the etcd Raft term the
 * leader took over in and the etcd revision of its takeover, compared in that order. The registry
 * stores the term of the newest location and refuses one that is not strictly later
 * ({@link StaleLocationTermException}); (0, 0) is stored until a leader published and after the
 * manager set the location itself ({@link RegistryClient#setLocation}).
 *
 * @param etcdTerm the etcd Raft term, 0 to 2^64 - 1 as an unsigned value (Java's long holds what etcd produces: at most 2^63 - 1)
 * @param revision the etcd revision of the takeover
 */
public record LocationTerm(long etcdTerm, long revision) implements Comparable<LocationTerm> {

    /** What the registry holds before any leader published. */
    public static final LocationTerm NONE = new LocationTerm(0, 0);

    private static final Comparator<LocationTerm> ORDER =
            Comparator.comparingLong(LocationTerm::etcdTerm).thenComparingLong(LocationTerm::revision);

    public LocationTerm {
        if (etcdTerm < 0) {
            throw new IllegalArgumentException("etcdTerm must be at least 0, was " + etcdTerm);
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be at least 0, was " + revision);
        }
    }

    @Override
    public int compareTo(LocationTerm other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return "etcd term " + etcdTerm + ", revision " + revision;
    }
}
