package dev.br2k.replication.internal.leader;

import dev.br2k.protocol.EntryStatus;
import dev.br2k.protocol.KeyLayout;
import dev.br2k.protocol.LeaderValue;
import dev.br2k.protocol.Role;
import dev.br2k.replication.RouteType;
import dev.br2k.replication.internal.ReplicaContext;
import dev.br2k.replication.internal.Roles;
import dev.br2k.replication.internal.log.EntryState;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.EtcdCallFailedException;
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.ServiceStore;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Register ("prepare service", spec §1.5): take the leader key with a compare on the value read, settle
 * the log the previous leader left ({@code NULL} becomes {@code IGNORE}, {@code SUCCESS} entries are
 * applied, a replicate {@code IN_PROCESS} is left to its author, an only-once {@code IN_PROCESS} of another replica
 * becomes {@code IGNORE}: its outcome is unknown, I6), set {@code service-state = log-size}, then lead.
 */
public final class Takeover {
    private static final int BATCH = 500;
    private final ReplicaContext r;
    private final Roles roles;

    public Takeover(ReplicaContext replica, Roles roles) {
        this.r = replica;
        this.roles = roles;
    }

    public void run(long term) {
        KeyLayout k = r.keys();
        Etcd etcd = r.etcd();
        roles.becomeRegister();
        r.log().info("its etcd member leads (term {}): taking the leader key", term);
        try {
            Optional<ServiceStore.LeaderKey> current = r.store().leaderKey();
            LeaderValue me = new LeaderValue(r.id(), r.state().url().toString(), term);
            Cmp guard = current.map(held -> Etcd.modRevisionIs(k.leader(), held.modRevision()))
                    .orElse(Etcd.absent(k.leader()));
            var taken = etcd.txn(List.of(guard), List.of(r.store().putLeader(me)));
            if (!taken.isSucceeded()) {
                roles.stepDown("another replica took the leader key first");
                return;
            }
            // the transaction wrote only the leader key: its revision is the key's new mod revision (I2)
            Fence fence = new Fence(me, taken.getHeader().getRevision(), taken.getHeader().getClusterId());
            prepare(fence);
        } catch (EtcdCallFailedException e) {
            roles.stepDown("etcd failed while taking over: " + e.getMessage());
        }
    }

    /** Whether the leader key still names this replica and it is still registering. */
    private boolean stillHolds(Fence fence) {
        return r.state().role() == Role.REGISTER && r.store().leaderKey().map(fence::holds).orElse(false);
    }

    private void prepare(Fence fence) {
        Cmp leaderIsMe = fence.guard(r.keys());
        KeyLayout k = r.keys();
        Etcd etcd = r.etcd();
        ServiceStore.Head head = r.store().head();
        long size = head.logSize();
        long sv = head.stateVersion();
        if (sv != r.state().ssv()) {
            roles.becomeLearner("its state version " + r.state().ssv() + " is not the service's " + sv);
            return;
        }
        List<Op> ignores = new ArrayList<>();
        long lpi = r.state().lpi();
        while (lpi < size) {
            if (!stillHolds(fence)) {
                roles.stepDown("lost the leader key while replaying the log (at index " + lpi + " of " + size + ")");
                return;
            }
            long to = Math.min(size, lpi + BATCH);
            ServiceStore.Slice slice = r.store().slice(lpi + 1, to);
            Map<Long, LogEntry> entries = slice.entries();
            Map<Long, EntryState> states = slice.states();
            r.stateLock().lock();
            try {
                r.meta().beginApplying(lpi + 1, to);
                for (long i = lpi + 1; i <= to; i++) {
                    EntryState st = states.get(i);
                    LogEntry e = entries.get(i);
                    if (st == null || e == null) {
                        roles.stepDown("entry " + i + " is missing from the log");
                        return;
                    }
                    if (st.status() == EntryStatus.IN_PROCESS && st.leader().equals(r.id()) && i > r.state().restoredThrough()) {
                        roles.becomeLearner("entry " + i + " is IN_PROCESS by this replica: its state may be half-applied");
                        return;
                    }
                    boolean unknownOnlyOnce = st.status() == EntryStatus.IN_PROCESS && st.type() == RouteType.ONLY_ONCE
                            && !st.leader().equals(r.id());
                    if (st.status() == EntryStatus.NULL || unknownOnlyOnce) {
                        // NULL: nobody ran it; an only-once IN_PROCESS of another replica: its outcome is unknown (I6)
                        ignores.add(Etcd.put(k.status(i), st.with(EntryStatus.IGNORE, r.id(), null)));
                    } else if (st.status() == EntryStatus.SUCCESS && st.type() == RouteType.REPLICATE) {
                        try {
                            r.entries().applyCommitted(e, i);
                        } catch (dev.br2k.replication.internal.HandlerFailedException failed) {
                            r.state().cannotApply(failed.getMessage());
                            roles.becomeLearner(failed.getMessage() + ": cannot lead without it (I4)");
                            return;
                        }
                    }
                    lpi = i;
                    r.state().applied(lpi);
                }
                r.progress().record(lpi, r.state().ssv());
                r.meta().endApplying();
            } catch (java.io.IOException e) {
                roles.stepDown("cannot write the local progress marker: " + e);
                return;
            } finally {
                r.stateLock().unlock();
            }
        }
        // IGNORE the entries nobody was answered for, in chunks that fit etcd's operation limit.
        for (int from = 0; from < ignores.size(); from += 100) {
            List<Op> chunk = new ArrayList<>(ignores.subList(from, Math.min(ignores.size(), from + 100)));
            if (!etcd.txn(List.of(leaderIsMe), chunk).isSucceeded()) {
                roles.stepDown("lost the leader key while preparing");
                return;
            }
        }
        List<Op> finish = new ArrayList<>(List.of(
                r.store().putLogSize(size),
                r.store().putServiceState(size),
                r.store().putStateVersion(sv),
                r.store().putLpi(r.id(), size),
                r.store().putSsv(r.id(), sv)));
        // Only the leader-key holder appends, so the log size read above cannot have changed.
        if (!etcd.txn(List.of(leaderIsMe), finish).isSucceeded()) {
            roles.stepDown("lost the leader key while preparing");
            return;
        }
        try {
            r.meta().endApplying(); // lpi/<me> = log-size is recorded
        } catch (java.io.IOException e) {
            roles.stepDown("cannot clear the local progress marker: " + e);
            return;
        }
        if (r.state().role() != Role.REGISTER) {
            return;
        }
        r.log().info("prepared: {} NULL entries ignored, serving from index {}", ignores.size(), size + 1);
        roles.becomeLeader(fence, size);
    }
}
