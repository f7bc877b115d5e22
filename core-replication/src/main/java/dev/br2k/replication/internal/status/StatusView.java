package dev.br2k.replication.internal.status;

import dev.br2k.protocol.LeaderValue;
import dev.br2k.protocol.status.BackupSummary;
import dev.br2k.protocol.status.ReplicaStatusRecord;
import dev.br2k.protocol.status.StatusCodec;
import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.internal.ReplicaState;
import java.util.Optional;

/**
 * The body of {@code GET /br2k/status}: a replica's state as the protocol's {@link ReplicaStatusRecord}, written
 * by {@link StatusCodec}. {@code lastBackup} never carries the storage access key nor the artifact key (issue 20,
 * item 8): {@link BackupSummary} has no field for them.
 */
public final class StatusView {
    private StatusView() {
    }

    public static ReplicaStatusRecord of(Br2kConfig config, ReplicaState r) {
        Optional<LeaderValue> leader = r.knownLeader();
        return new ReplicaStatusRecord(config.serviceName(), config.replicaId(), r.role(), r.lpi(), r.ssi(), r.logSize(),
                r.stateVersion(), r.ssv(), leader.map(LeaderValue::id), leader.map(LeaderValue::url),
                String.valueOf(r.url()), r.lastBackup().map(StatusView::summary), r.problem());
    }

    public static String json(Br2kConfig config, ReplicaState r) {
        return StatusCodec.encode(of(config, r));
    }

    static BackupSummary summary(BackupRecord b) {
        return new BackupSummary(b.service(), b.version(), b.lastIndex(), b.startTime(), b.endTime(), b.members(),
                b.etcdSnapshotSize(), b.stateSize(), b.storageLocation(), b.leaderId(), b.sha256());
    }
}
