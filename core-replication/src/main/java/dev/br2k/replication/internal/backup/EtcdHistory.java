package dev.br2k.replication.internal.backup;

import dev.br2k.replication.internal.ReplicaContext;
import dev.br2k.replication.internal.log.Etcd;

/**
 * etcd keeps every revision of every key until its history is compacted. A state version up deletes the
 * whole log, so from then on the history before it is only weight: it fills etcd's quota and makes every
 * later backup's etcd snapshot, and with it each backup's pause, larger (in the robustness long run 3 MiB
 * at version 2 and 86 MiB at version 22 for a log of at most 2,000 entries). Nothing in BR2K reads an
 * older revision (watches start at the current one), so the leader compacts up to the present right
 * after the version up. etcd's own periodic compaction, where an operator enabled it, may run as well.
 */
final class EtcdHistory {
    private EtcdHistory() {
    }

    /** Compacts etcd's history up to the current revision; a failure costs only disk space and is logged. */
    static void compactToNow(ReplicaContext r) {
        try {
            long revision = r.etcd().await(r.client().getKVClient().get(Etcd.bs(r.keys().serviceState())))
                    .getHeader().getRevision();
            r.etcd().await(r.client().getKVClient().compact(revision));
            r.log().debug("compacted etcd's history up to revision {}", revision);
        } catch (RuntimeException e) {
            r.log().warn("cannot compact etcd's history after the state version up ({}); it is retried after the next "
                    + "backup, or enable etcd's --auto-compaction-retention", e.getMessage());
        }
    }
}
