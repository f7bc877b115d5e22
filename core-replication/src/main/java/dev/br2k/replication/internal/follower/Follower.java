package dev.br2k.replication.internal.follower;

import dev.br2k.protocol.EntryStatus;
import dev.br2k.protocol.Role;
import dev.br2k.replication.RouteType;
import dev.br2k.replication.backup.BackupRecord;
import dev.br2k.replication.internal.HandlerFailedException;
import dev.br2k.replication.internal.LocalMeta;
import dev.br2k.replication.internal.ReplicaContext;
import dev.br2k.replication.internal.Roles;
import dev.br2k.replication.internal.ServiceStateSeen;
import dev.br2k.replication.internal.log.EntryState;
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.ServiceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Follower ("the latest service state", spec §1.5): apply entries {@code lpi+1 .. service-state} in
 * batches read with one range request each, run only {@code SUCCESS} replicate entries, advance
 * {@code lpi/<me>}. Called by the role loop on every wake-up: a watch on {@code service-state} wakes it
 * early, the role-check interval is the backstop when a watch goes silent.
 */
public final class Follower {
    private static final int BATCH = 500;
    private static final long PERSIST_EVERY_NANOS = 100_000_000L;
    /** Tries of an entry whose handler fails before the replica restores as Learner (I4). */
    static final int MAX_TRIES = 3;
    private final ReplicaContext r;
    private final Roles roles;
    private final Supplier<ServiceStateSeen> watched;
    private long lastPersist;
    private long failingIndex = -1;
    private int failures;

    /** {@code watched}: the newest service-state value the watch delivered (-1 before any), with its revision. */
    public Follower(ReplicaContext replica, Roles roles, Supplier<ServiceStateSeen> watched) {
        this.r = replica;
        this.roles = roles;
        this.watched = watched;
    }

    /**
     * Applies what the leader recorded. {@code periodic} rounds read the service's head keys; rounds woken
     * by the watch use the service-state value the watch delivered.
     */
    public void catchUp(boolean periodic) {
        if (periodic) {
            flush();
        }
        if (r.state().reloadProgress() && !reload()) {
            return;
        }
        if (!periodic) {
            ServiceStateSeen seen = watched.get();
            r.state().sawServiceState(seen.ssi());
            if (seen.ssi() > r.state().lpi()) {
                applyUpTo(seen.ssi(), r.state().ssv(), seen.revision());
            }
            flushIfDue();
            return;
        }
        ServiceStore.Head head = r.store().head();
        r.state().observed(head);
        if (head.stateVersion() != r.state().ssv()) {
            nextVersion(head.stateVersion(), head.lastBackup());
            return;
        }
        applyUpTo(head.serviceState(), head.stateVersion(), head.revision());
        flushIfDue();
    }

    /** Records applied progress in etcd now if it is pending. */
    public void flush() {
        if (r.meta().applying()) {
            r.progress().record(r.state().lpi(), r.state().ssv());
            endApplying();
            lastPersist = System.nanoTime();
        }
    }

    private void flushIfDue() {
        if (System.nanoTime() - lastPersist >= PERSIST_EVERY_NANOS) {
            flush();
        }
    }

    /** Applies entries up to {@code ssi}, read at a revision of at least {@code seenAt} (where ssi was read). */
    private void applyUpTo(long ssi, long sv, long seenAt) {
        while (ssi >= 0 && r.state().lpi() < ssi && r.state().role() == Role.FOLLOWER && r.state().running()) {
            long from = r.state().lpi() + 1;
            long to = Math.min(ssi, r.state().lpi() + BATCH);
            ServiceStore.Slice slice = r.store().sliceAtLeast(from, to, seenAt);
            if (slice.stateVersion() != sv) {
                return; // a backup compacted the log meanwhile; the next round handles the new version
            }
            if (!apply(from, to, slice.entries(), slice.states())) {
                return;
            }
        }
    }

    private boolean apply(long from, long to, Map<Long, LogEntry> entries, Map<Long, EntryState> states) {
        r.stateLock().lock();
        try {
            if (r.state().role() != Role.FOLLOWER) {
                return false;
            }
            r.meta().beginApplying(from, to);
            long applied = from - 1;
            for (long i = from; i <= to; i++) {
                EntryState st = states.get(i);
                LogEntry e = entries.get(i);
                if (st == null || e == null) {
                    r.log().warn("entry {} is missing from the log below service-state {}; retrying", i, to);
                    break;
                }
                if (st.status() == EntryStatus.IN_PROCESS && r.id().equals(st.leader()) && i > r.state().restoredThrough()) {
                    // completion check (spec §1.5): this replica may have half-applied the entry
                    r.progress().record(applied, r.state().ssv());
                    r.meta().endApplying();
                    r.state().applied(applied);
                    roles.becomeLearner("entry " + i + " is IN_PROCESS by this replica, which may have half-applied it");
                    return false;
                }
                if (st.status() == EntryStatus.SUCCESS && st.type() == RouteType.REPLICATE) {
                    try {
                        r.entries().applyCommitted(e, i);
                    } catch (HandlerFailedException failed) {
                        handlerFailed(failed);
                        return false; // lpi stays below the entry: it is tried again, never skipped (I4)
                    }
                    if (i == failingIndex) {
                        r.log().info("entry {} applied after {} failed tries", i, failures);
                        failingIndex = -1;
                        failures = 0;
                        r.state().appliesAgain();
                    }
                }
                applied = i;
                r.state().applied(applied);
            }
            return applied == to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local progress marker", e);
        } finally {
            r.stateLock().unlock();
        }
    }

    private void handlerFailed(HandlerFailedException failed) {
        if (failed.index() == failingIndex) {
            failures++;
        } else {
            failingIndex = failed.index();
            failures = 1;
        }
        if (failures < MAX_TRIES) {
            r.state().cannotApply(failed.getMessage() + " (try " + failures + " of " + MAX_TRIES + ")");
            r.log().warn("{} (try {} of {}); lpi stays at {}", failed.getMessage(), failures, MAX_TRIES, r.state().lpi());
            return;
        }
        String message = failed.getMessage() + "; failed " + failures + " times: restoring a backup as Learner";
        r.state().cannotApply(message);
        failures = 0; // the restored state tries the entry anew
        roles.becomeLearner(message);
    }

    private void nextVersion(long sv, Optional<BackupRecord> backup) {
        boolean caughtUp = r.state().ssv() == sv - 1 && backup.filter(b -> b.version() == sv && b.lastIndex() == r.state().lpi()).isPresent();
        if (!caughtUp) {
            roles.becomeLearner("the service moved to state version " + sv + " while this replica was at version "
                    + r.state().ssv() + " index " + r.state().lpi());
            return;
        }
        r.stateLock().lock();
        try {
            r.progress().record(0, sv);
            r.meta().write(new LocalMeta.Meta(r.config().serviceName(), r.id(), sv));
            r.state().followsVersion(sv);
            r.log().info("follows the backup into state version {}", sv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the new state version locally", e);
        } finally {
            r.stateLock().unlock();
        }
    }

    private boolean reload() {
        ServiceStore.Progress progress = r.store().progress(r.id());
        Optional<LocalMeta.Meta> local = r.meta().read();
        if (progress.lpi().isEmpty() || progress.stateVersion().isEmpty() || local.isEmpty()) {
            roles.becomeLearner("etcd has no recorded progress for this replica");
            return false;
        }
        long ssv = progress.stateVersion().get();
        if (local.get().stateVersion() != ssv) {
            roles.becomeLearner("local state is at version " + local.get().stateVersion() + " but etcd records " + ssv);
            return false;
        }
        r.state().progressLoaded(progress.lpi().get(), ssv);
        r.log().info("resumes following at index {} of state version {}", r.state().lpi(), ssv);
        return true;
    }

    private void endApplying() {
        try {
            r.meta().endApplying();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
