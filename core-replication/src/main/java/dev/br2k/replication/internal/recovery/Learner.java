package dev.br2k.replication.internal.recovery;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.protocol.Role;
import dev.br2k.replication.BackupVerificationException;
import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.internal.ErrorIds;
import dev.br2k.replication.internal.LocalMeta;
import dev.br2k.replication.internal.ReplicaContext;
import dev.br2k.replication.internal.Roles;
import dev.br2k.replication.internal.backup.ArtifactCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Learner ("recovery state", spec §1.7): take the authenticated record of the backup the current state
 * version starts from out of the backup log, fetch the artifacts, verify every artifact's SHA-256 and
 * decrypt it (AES-256-GCM, every chunk authenticated) before touching anything, replace the local state, set {@code lpi = 0} and
 * {@code ssv = state-version}, and follow the log from its start. State version 1 starts from the
 * empty state. A failed verification leaves the local state as it was and is retried. On an empty etcd the
 * newest backup of the service is restored rather than the empty state ({@link EmptyLogSeed}).
 */
public final class Learner {
    private final ReplicaContext r;
    private final Roles roles;
    private final EmptyLogSeed seed;
    private long nextAttempt;

    public Learner(ReplicaContext replica, Roles roles) {
        this.r = replica;
        this.roles = roles;
        this.seed = new EmptyLogSeed(replica);
    }

    public void recover() {
        if (System.currentTimeMillis() < nextAttempt) {
            return;
        }
        KeyLayout k = r.keys();
        Path work = null;
        try {
            seed.seedIfEmpty();
            var head = r.store().head();
            long logSize = head.logSize();
            long sv = head.stateVersion();
            work = Files.createTempDirectory("br2k-restore-");
            Path source = work.resolve("state");
            Files.createDirectories(source);
            if (sv > 1) {
                BackupRecord record = pick(sv);
                fetchAndVerify(record, work, source);
                r.log().info("restoring backup version {} from {}", record.version(), record.storageLocation());
            } else {
                r.log().info("state version 1 has no backup: restoring the empty initial state");
            }
            r.stateLock().lock();
            try {
                if (r.state().role() != Role.LEARNER) {
                    return;
                }
                r.meta().beginApplying(0, 0);
                r.config().stateHooks().restore(source, r.config().stateDir());
                r.state().restored(sv, logSize);
                r.progress().record(0, sv);
                r.meta().write(new LocalMeta.Meta(r.config().serviceName(), r.id(), sv));
                r.meta().endApplying();
            } finally {
                r.stateLock().unlock();
            }
            r.metrics().recovered();
            r.log().info("restored state version {}: following the log from index 1", sv);
            roles.becomeFollower();
        } catch (BackupVerificationException e) {
            fail(e.getMessage(), 5000);
        } catch (dev.br2k.replication.internal.log.EtcdCallFailedException e) {
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
        r.state().recoveryFailed(message);
        r.log().error("{} (retrying in {} ms)", message, retryMillis);
        nextAttempt = System.currentTimeMillis() + retryMillis;
    }

    /**
     * The record of the backup state version {@code sv} starts from, from the backup log only: etcd's
     * {@code last-backup} holds no key (item 8 of issue 20) and anyone who reaches etcd could write it. The
     * log returns only records it authenticated.
     */
    private BackupRecord pick(long sv) throws IOException {
        BackupRecord record = r.config().backupLog().newestOf(sv).filter(b -> b.service().equals(r.config().serviceName()))
                .orElseThrow(() -> new BackupVerificationException("no backup record for state version " + sv
                        + " of " + r.config().serviceName() + " in the backup log: cannot restore this replica;"
                        + " check that every replica reads the same backup log"));
        if (!record.encrypted()) {
            throw new BackupVerificationException("backup version " + sv + " was stored in clear by a BR2K older than"
                    + " encrypted backups and its record carries no key: it is not restored (a clear-text backup cannot"
                    + " prove it was not changed). Let the leader make a new backup (POST /br2k/backup) and recover from it.");
        }
        return record;
    }

    /**
     * Fetches both artifacts, checks their SHA-256 (against the authenticated record) and decrypts the state,
     * all in {@code work}; touches no state. The etcd snapshot is not restored here, only checked.
     */
    private void fetchAndVerify(BackupRecord record, Path work, Path stateTarget) throws IOException {
        byte[] key = artifactKey(record);
        Path state = work.resolve(BackupRecord.STATE_ARTIFACT);
        Path snapshot = work.resolve(BackupRecord.ETCD_ARTIFACT);
        r.config().backupStore().fetch(record.storageLocation(), BackupRecord.STATE_ARTIFACT, state);
        r.config().backupStore().fetch(record.storageLocation(), BackupRecord.ETCD_ARTIFACT, snapshot);
        Artifacts.verify(state, BackupRecord.STATE_ARTIFACT, record.sha256().get(BackupRecord.STATE_ARTIFACT));
        Artifacts.verify(snapshot, BackupRecord.ETCD_ARTIFACT, record.sha256().get(BackupRecord.ETCD_ARTIFACT));
        Path plainState = work.resolve("plain-" + BackupRecord.STATE_ARTIFACT);
        ArtifactCipher.decrypt(state, plainState, key, BackupRecord.STATE_ARTIFACT);
        Artifacts.unzip(plainState, stateTarget);
    }

    private static byte[] artifactKey(BackupRecord record) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(record.artifactKey());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new BackupVerificationException("the record of backup version " + record.version()
                    + " has no valid AES-256 artifact key: it is not restored");
        }
        return key;
    }
}
