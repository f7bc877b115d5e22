package dev.br2k.replication.internal.recovery;

import dev.br2k.replication.BackupVerificationException;
import dev.br2k.replication.Role;
import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.internal.ErrorIds;
import dev.br2k.replication.internal.LocalMeta;
import dev.br2k.replication.internal.Replica;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Learner ("recovery state", spec §1.7): fetch the backup the current state version starts from, verify
 * every artifact's SHA-256 before touching anything, replace the local state, set {@code lpi = 0} and
 * {@code ssv = state-version}, and follow the log from its start. State version 1 starts from the
 * empty state. A failed verification leaves the local state as it was and is retried.
 */
public final class Learner {
    private final Replica r;
    private long nextAttempt;

    public Learner(Replica replica) {
        this.r = replica;
    }

    public void recover() {
        if (System.currentTimeMillis() < nextAttempt) {
            return;
        }
        Keys k = r.keys();
        Path work = null;
        try {
            var head = r.store().head();
            long logSize = head.logSize();
            long sv = head.stateVersion();
            Optional<BackupRecord> inEtcd = head.lastBackup();
            work = Files.createTempDirectory("br2k-restore-");
            Path source = work.resolve("state");
            Files.createDirectories(source);
            if (sv > 1) {
                BackupRecord record = pick(sv, inEtcd);
                fetchAndVerify(record, work, source);
                r.log().info("restoring backup version {} from {}", record.version(), record.storageLocation());
            } else {
                r.log().info("state version 1 has no backup: restoring the empty initial state");
            }
            r.stateLock().lock();
            try {
                if (r.role() != Role.LEARNER) {
                    return;
                }
                r.meta().beginApplying(0, 0);
                r.config().stateHooks().restore(source, r.config().stateDir());
                r.setSsv(sv);
                r.setLpi(0);
                r.setRestoredThrough(logSize);
                r.etcd().txn(List.of(), List.of(Etcd.put(k.lpi(r.id()), "0"), Etcd.put(k.ssv(r.id()), String.valueOf(sv))));
                r.meta().write(new LocalMeta.Meta(r.config().serviceName(), r.id(), sv));
                r.meta().endApplying();
            } finally {
                r.stateLock().unlock();
            }
            r.progressReloaded();
            r.metrics().recovered();
            r.log().info("restored state version {}: following the log from index 1", sv);
            r.becomeFollower();
        } catch (BackupVerificationException e) {
            fail(e.getMessage(), 5000);
        } catch (dev.br2k.replication.internal.log.EtcdUnavailableException e) {
            fail("recovery could not read etcd (" + e.getMessage() + ")", 500); // e.g. during an election: soon again
        } catch (IOException | RuntimeException e) {
            // the state hooks are the service's code: their exception text goes to the log, not to the open status
            String errorId = ErrorIds.next();
            r.log().error("recovery failed (error id {})", errorId, e);
            fail("recovery failed (error id " + errorId + ", in this replica's log)", 5000);
        } finally {
            Artifacts.deleteTree(work);
        }
    }

    private void fail(String message, long retryMillis) {
        r.setProblem(message);
        r.log().error("{} (retrying in {} ms)", message, retryMillis);
        nextAttempt = System.currentTimeMillis() + retryMillis;
    }

    private BackupRecord pick(long sv, Optional<BackupRecord> inEtcd) throws IOException {
        Optional<BackupRecord> fromLog = r.config().backupLog().newest().filter(b -> b.version() == sv);
        return fromLog.or(() -> inEtcd.filter(b -> b.version() == sv))
                .orElseThrow(() -> new BackupVerificationException("no backup record for state version " + sv
                        + " in the backup log or in etcd: cannot restore this replica"));
    }

    private void fetchAndVerify(BackupRecord record, Path work, Path stateTarget) throws IOException {
        Path state = work.resolve(BackupRecord.STATE_ARTIFACT);
        Path snapshot = work.resolve(BackupRecord.ETCD_ARTIFACT);
        r.config().backupStore().fetch(record.storageLocation(), BackupRecord.STATE_ARTIFACT, state);
        r.config().backupStore().fetch(record.storageLocation(), BackupRecord.ETCD_ARTIFACT, snapshot);
        Artifacts.verify(state, BackupRecord.STATE_ARTIFACT, record.sha256().get(BackupRecord.STATE_ARTIFACT));
        Artifacts.verify(snapshot, BackupRecord.ETCD_ARTIFACT, record.sha256().get(BackupRecord.ETCD_ARTIFACT));
        Artifacts.unzip(state, stateTarget);
    }
}
