package dev.br2k.replication.internal.recovery;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.internal.ReplicaContext;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.ServiceStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A whole service recovered onto a new, empty etcd (spec §3.2: "redeploys it from the registry's recovery
 * information and restores the newest backup"): etcd has no state version, no log and no leader, but the
 * backup log holds this service's backups. Starting from the empty state would drop them all; instead the
 * service's etcd is seeded as a backup leaves it ({@code state-version} = the newest backup's version,
 * {@code log-size = 0}, {@code service-state = 0}, {@code last-backup}), so that every Learner restores that
 * backup and follows an empty log from it. The seed is one etcd transaction that applies only while the three
 * keys are absent: replicas starting together seed once, and a service with any history is never touched.
 * A new service (no backup of it in the log) starts empty, as before.
 */
final class EmptyLogSeed {
    private final ReplicaContext r;

    EmptyLogSeed(ReplicaContext replica) {
        this.r = replica;
    }

    /** Seeds an empty etcd from the newest backup of this service, if there is one; true if this call seeded it. */
    boolean seedIfEmpty() throws IOException {
        KeyLayout k = r.keys();
        ServiceStore store = r.store();
        if (r.etcd().get(k.stateVersion()).isPresent()) {
            return false; // the common case, one read
        }
        Optional<BackupRecord> newest = r.config().backupLog().newest()
                .filter(b -> b.service().equals(r.config().serviceName()));
        if (newest.isEmpty()) {
            return false;
        }
        BackupRecord record = newest.get();
        boolean seeded = r.etcd().txn(
                List.of(Etcd.absent(k.stateVersion()), Etcd.absent(k.logSize()), Etcd.absent(k.leader())),
                List.of(store.putStateVersion(record.version()), store.putLogSize(0), store.putServiceState(0),
                        Etcd.put(k.lastBackup(), record.withoutSecrets())))
                .isSucceeded();
        if (seeded) {
            r.log().info("etcd holds no log of {} but the backup log holds its backup version {}: the service"
                    + " continues from that backup (state version {})", r.config().serviceName(), record.version(), record.version());
        }
        return seeded;
    }
}
