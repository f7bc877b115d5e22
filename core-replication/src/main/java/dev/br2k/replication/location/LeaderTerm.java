package dev.br2k.replication.location;

/**
 * When and where a leader took over: the id of its etcd cluster (every etcd response header carries
 * it), the etcd Raft term of its etcd member at the takeover and the etcd revision of its write of the
 * leader key. Within one etcd cluster later takeovers have greater (term, revision) pairs, compared
 * term first, so a publisher can tell a new leader's location from a deposed leader's late one. A new
 * etcd cluster (a service recovered or deployed again from nothing) has a new cluster id and counts
 * terms and revisions from the start again: its leaders {@linkplain #supersedes supersede} whatever an
 * earlier cluster published, since a deposed leader always belongs to the cluster of the leader that
 * replaced it.
 *
 * @param clusterId the etcd cluster id, an unsigned 64-bit value held in a long (it may read negative)
 * @param etcdTerm the etcd Raft term the leader took over in, at least 0
 * @param revision the etcd revision of the takeover (the leader key's mod revision), at least 0
 */
public record LeaderTerm(long clusterId, long etcdTerm, long revision) {

    public LeaderTerm {
        if (etcdTerm < 0) {
            throw new IllegalArgumentException("etcdTerm must be at least 0, was " + etcdTerm);
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be at least 0, was " + revision);
        }
    }

    /**
     * Whether a location published with this term may replace one stored with {@code stored}: always
     * when the etcd clusters differ (a new deployment of the service), else only when this term is
     * strictly later (term first, then revision).
     */
    public boolean supersedes(LeaderTerm stored) {
        if (clusterId != stored.clusterId) {
            return true;
        }
        return etcdTerm > stored.etcdTerm || (etcdTerm == stored.etcdTerm && revision > stored.revision);
    }

    @Override
    public String toString() {
        return "etcd cluster " + Long.toHexString(clusterId) + ", term " + etcdTerm + ", revision " + revision;
    }
}
