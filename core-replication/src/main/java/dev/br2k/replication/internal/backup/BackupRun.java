package dev.br2k.replication.internal.backup;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.protocol.MemberValue;
import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.internal.LeadershipLostException;
import dev.br2k.replication.internal.LocalMeta;
import dev.br2k.replication.internal.ReplicaContext;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.EtcdCallFailedException;
import dev.br2k.replication.internal.log.ServiceStore;
import dev.br2k.replication.internal.recovery.Artifacts;
import io.etcd.jetcd.op.Cmp;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Backup and compaction ("state version up", spec §1.6), run by the leader between request groups:
 * wait for live followers to reach SSI, set SSI to -1, store the state and an etcd snapshot off-chain
 * (encrypted under a fresh key, {@link ArtifactCipher}), append the backup record (which alone carries the
 * key) to the backup log, then in one guarded transaction clear the log, bump the state version and
 * set SSI to 0. If anything before the last step fails, SSI is put back and the leader carries on.
 */
public final class BackupRun {
    private final ReplicaContext r;
    private final Cmp leaderIsMe;
    private final long logSize;

    public BackupRun(ReplicaContext replica, Cmp leaderIsMe, long logSize) {
        this.r = replica;
        this.leaderIsMe = leaderIsMe;
        this.logSize = logSize;
    }

    /** Runs the backup; returns the log size afterwards (0 if it compacted, unchanged if it did not). */
    public long run() {
        KeyLayout k = r.keys();
        Instant start = Instant.now();
        long sv = r.state().ssv();
        long next = sv + 1;
        r.log().info("backup of state version {} at index {} starts", sv, logSize);
        List<String> members = awaitFollowers();
        guarded(List.of(r.store().putServiceState(-1)), "set service-state to -1");
        Path work = null;
        try {
            work = Files.createTempDirectory("br2k-backup-");
            Path snapshotDir = work.resolve("state");
            Files.createDirectories(snapshotDir);
            Path stateZip = work.resolve(BackupRecord.STATE_ARTIFACT);
            Path etcdSnapshot = work.resolve(BackupRecord.ETCD_ARTIFACT);
            r.stateLock().lock();
            try {
                r.config().stateHooks().snapshot(r.config().stateDir(), snapshotDir);
            } finally {
                r.stateLock().unlock();
            }
            Artifacts.zip(snapshotDir, stateZip);
            try (OutputStream out = Files.newOutputStream(etcdSnapshot)) {
                r.client().getMaintenanceClient().snapshot(out).get(60, TimeUnit.SECONDS);
            }
            byte[] key = ArtifactCipher.newKey();
            Path storedState = work.resolve("encrypted-" + BackupRecord.STATE_ARTIFACT);
            Path storedSnapshot = work.resolve("encrypted-" + BackupRecord.ETCD_ARTIFACT);
            ArtifactCipher.encrypt(stateZip, storedState, key, BackupRecord.STATE_ARTIFACT);
            ArtifactCipher.encrypt(etcdSnapshot, storedSnapshot, key, BackupRecord.ETCD_ARTIFACT);
            Map<String, Path> artifacts = Map.of(BackupRecord.STATE_ARTIFACT, storedState, BackupRecord.ETCD_ARTIFACT, storedSnapshot);
            Map<String, String> sha = new HashMap<>();
            for (var a : artifacts.entrySet()) {
                sha.put(a.getKey(), Artifacts.sha256(a.getValue()));
            }
            String location = r.config().backupStore().store(r.config().serviceName(), next, artifacts);
            BackupRecord record = new BackupRecord(r.config().serviceName(), next, logSize, start, Instant.now(),
                    members, Files.size(storedSnapshot), Files.size(storedState), location,
                    r.config().backupStore().accessKey(), r.id(), sha, Base64.getEncoder().encodeToString(key));
            r.config().backupLog().append(record);
            guarded(List.of(
                    Etcd.deletePrefix(k.logPrefix()), Etcd.deletePrefix(k.statusPrefix()),
                    Etcd.deletePrefix(k.requestPrefix(sv - 1)), // this version's ids still answer retries
                    r.store().putLogSize(0), r.store().putLpi(r.id(), 0),
                    r.store().putStateVersion(next), r.store().putSsv(r.id(), next),
                    Etcd.put(k.lastBackup(), record.withoutSecrets()), r.store().putServiceState(0)), "compact the log");
            EtcdHistory.compactToNow(r);
            r.meta().write(new LocalMeta.Meta(r.config().serviceName(), r.id(), next));
            r.state().backedUp(next, record.withoutSecrets());
            r.metrics().backup();
            r.log().info("backup done: state version {} stored at {} ({} B state, {} B etcd snapshot)", next, location,
                    record.stateSize(), record.etcdSnapshotSize());
            return 0;
        } catch (LeadershipLostException e) {
            throw e;
        } catch (Exception e) {
            r.log().error("backup failed, serving on without it: {}", e.toString());
            guarded(List.of(r.store().putServiceState(logSize)), "restore service-state");
            return logSize;
        } finally {
            Artifacts.deleteTree(work);
        }
    }

    /** Waits (bounded) until every live follower has applied the whole log; returns the live replica ids. */
    private List<String> awaitFollowers() {
        KeyLayout k = r.keys();
        long deadline = System.nanoTime() + r.config().backupWaitTimeout().toNanos();
        List<String> live = new ArrayList<>();
        while (true) {
            live.clear();
            List<String> behind = new ArrayList<>();
            try {
                ServiceStore.Replicas replicas = r.store().replicas();
                Map<String, Long> lpis = replicas.lpis();
                for (MemberValue member : replicas.members()) {
                    String id = member.id();
                    live.add(id);
                    if (!id.equals(r.id()) && lpis.getOrDefault(id, -1L) != logSize) {
                        behind.add(id);
                    }
                }
            } catch (EtcdCallFailedException e) {
                throw new LeadershipLostException("etcd failed during backup: " + e.getMessage());
            }
            if (behind.isEmpty()) {
                return List.copyOf(live);
            }
            if (System.nanoTime() > deadline) {
                r.log().warn("backup goes ahead without {}: they will recover as Learners", behind);
                return List.copyOf(live);
            }
            try {
                Thread.sleep(50); // polling etcd for follower progress
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LeadershipLostException("interrupted during backup");
            }
        }
    }

    private void guarded(List<io.etcd.jetcd.op.Op> ops, String what) {
        boolean ok;
        try {
            ok = r.etcd().txn(List.of(leaderIsMe), ops).isSucceeded();
        } catch (EtcdCallFailedException e) {
            throw new LeadershipLostException("backup: " + what + " did not complete: " + e.getMessage());
        }
        if (!ok) {
            throw new LeadershipLostException("backup: " + what + " was refused: this replica no longer holds the leader key");
        }
    }
}
