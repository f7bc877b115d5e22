package dev.br2k.replication.internal.leader;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.protocol.LeaderValue;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.ServiceStore;
import dev.br2k.replication.location.LeaderTerm;
import io.etcd.jetcd.op.Cmp;

/**
 * A leader's fencing token (spec §1.4, I2): the mod revision of {@code leader} that its own takeover's
 * compare-and-set produced. A replica that takes over again, even in the same etcd term with a
 * byte-identical value, gets a new revision, so a write still in flight from its previous time as leader
 * is refused. {@code clusterId} is the etcd cluster the takeover happened in (from the same response
 * header): with the term and the revision it makes the {@link LeaderTerm} the leader publishes its location with.
 */
public record Fence(LeaderValue me, long revision, long clusterId) {
    public Fence {
        if (revision <= 0) {
            throw new IllegalArgumentException("revision must be positive, was " + revision);
        }
    }

    /** The leader term this takeover publishes its location with. */
    public LeaderTerm leaderTerm() {
        return new LeaderTerm(clusterId, me.term(), revision);
    }

    /** The compare every leader write carries. */
    public Cmp guard(KeyLayout keys) {
        return Etcd.modRevisionIs(keys.leader(), revision);
    }

    /** Whether {@code leader} as read is still this takeover's write. */
    public boolean holds(ServiceStore.LeaderKey leaderKey) {
        return holds(leaderKey.modRevision());
    }

    /** Whether a {@code leader} key with this mod revision is still this takeover's write. */
    public boolean holds(long leaderModRevision) {
        return leaderModRevision == revision;
    }
}
