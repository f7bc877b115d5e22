package dev.br2k.replication.internal.status;

import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.internal.Replica;
import dev.br2k.replication.internal.log.LeaderValue;

/**
 * The body of {@code GET /br2k/status}. {@code leader}, {@code leaderUrl}, {@code lastBackup} and
 * {@code problem} are null when unknown. {@code lastBackup} never carries the storage access key nor the
 * artifact key (issue 20, item 8).
 */
public record StatusView(
        String service,
        String id,
        String role,
        long lpi,
        long ssi,
        long logSize,
        long stateVersion,
        long replicaStateVersion,
        String leader,
        String leaderUrl,
        String url,
        BackupRecord lastBackup,
        String problem) {

    public static StatusView of(Replica r) {
        LeaderValue leader = r.knownLeader().orElse(null);
        return new StatusView(r.config().serviceName(), r.id(), r.role().name(), r.lpi(), r.ssi(), r.logSize(),
                r.stateVersion(), r.ssv(), leader == null ? null : leader.id(), leader == null ? null : leader.url(),
                String.valueOf(r.url()), r.lastBackup().map(BackupRecord::withoutSecrets).orElse(null), r.problem().orElse(null));
    }
}
