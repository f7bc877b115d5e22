package dev.br2k.registry;

/**
 * The leader term a location is published with ({@code updateLocation}): the id of the leader's etcd
 * cluster, the etcd Raft term the leader took over in and the etcd revision of its takeover. The
 * registry stores the term of the newest location. Of the same etcd cluster, it refuses a term that is
 * not strictly later, term first, then revision ({@link StaleLocationTermException}); of another etcd
 * cluster it accepts any term (the service runs on a new etcd, which counts from the start again).
 * {@link #NONE} is stored until a leader published and after the manager set the location itself
 * ({@link RegistryClient#setLocation}).
 *
 * @param clusterId the etcd cluster id, an unsigned 64-bit value held in a long (it may read negative)
 * @param etcdTerm the etcd Raft term, at least 0 (Java's long holds what etcd produces: at most 2^63 - 1)
 * @param revision the etcd revision of the takeover, at least 0
 */
public record LocationTerm(long clusterId, long etcdTerm, long revision) {

    /** What the registry holds before any leader published. */
    public static final LocationTerm NONE = new LocationTerm(0, 0, 0);

    public LocationTerm {
        if (etcdTerm < 0) {
            throw new IllegalArgumentException("etcdTerm must be at least 0, was " + etcdTerm);
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be at least 0, was " + revision);
        }
    }

    @Override
    public String toString() {
        return "etcd cluster " + Long.toHexString(clusterId) + ", term " + etcdTerm + ", revision " + revision;
    }
}
