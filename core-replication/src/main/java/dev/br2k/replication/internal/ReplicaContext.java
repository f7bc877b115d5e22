package dev.br2k.replication.internal;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.CrashPoint;
import dev.br2k.replication.internal.access.EtcdAccess;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.ProgressRecorder;
import dev.br2k.replication.internal.log.ServiceStore;
import dev.br2k.replication.internal.metrics.ReplicaMetrics;
import io.etcd.jetcd.Client;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The parts of one replica that its features ({@code Takeover}, {@code LeaderPipeline}, {@code Follower},
 * {@code Learner}, {@code BackupRun}, {@link Membership}) work with. The features change the replica's role only
 * through {@link Roles}, which they are given beside this.
 *
 * @param etcd      guarded reads and writes of etcd with the replica's timeout
 * @param store     typed reads and writes of the service's keys
 * @param progress  writes of this replica's own {@code lpi} and {@code ssv} outside the leader's commit
 * @param meta      the runtime's files beside the local state
 * @param stateLock held by every change to the local state and to {@code lpi}/{@code ssv}
 * @param entries   runs entries' handlers on the local state (hold {@code stateLock})
 * @param wake      wakes the role loop
 */
public record ReplicaContext(Br2kConfig config, KeyLayout keys, EtcdAccess access, Client client, Etcd etcd,
                             ServiceStore store, ProgressRecorder progress, ReplicaLog log, ReplicaMetrics metrics,
                             LocalMeta meta, ReentrantLock stateLock, EntryRunner entries, ReplicaState state,
                             Wake wake, CrashPoints crashPoints) {

    /** This replica's id. */
    public String id() {
        return config.replicaId();
    }

    /** Halts the process at a configured crash point (tests only); see {@link CrashPoints}. */
    public void crashPoint(CrashPoint point, long fromIndex, long toIndex) {
        crashPoints.reached(point, fromIndex, toIndex);
    }
}
