package dev.br2k.replication.internal.log;

import dev.br2k.protocol.KeyLayout;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.kv.TxnResponse;

import java.util.List;

/**
 * Records a replica's own progress, {@code lpi/<me>} and {@code ssv/<me>}, outside the leader's commit.
 *
 * <p>Every write is guarded by the mod revision of {@code lpi/<me>} that this recorder last saw. A write whose
 * outcome is unknown (it timed out, or its wait was abandoned) carries the revision that was current when it
 * was sent; once any later write of this key lands, that revision is gone and the old write is refused if it
 * reaches etcd after all. Without the guard such a late write would put an older {@code lpi} back: a replica
 * restarting then would apply entries a second time, and one that had just restored a backup (lpi 0) would
 * skip the entries the stale value covers.
 *
 * <p>When the guard fails (the key was changed by one of this replica's own writes that landed late, or by its
 * leader commits, which are fenced by the {@code leader} key instead), the recorder reads the key's revision
 * and tries again: only this replica writes {@code lpi/<me>}.
 */
public final class ProgressRecorder {
    private static final long UNKNOWN = -1;
    private static final int TRIES = 3;

    private final Etcd etcd;
    private final ServiceStore store;
    private final String replica;
    private final String lpiKey;
    private long seenRevision = UNKNOWN;

    public ProgressRecorder(Etcd etcd, ServiceStore store, KeyLayout keys, String replica) {
        this.etcd = etcd;
        this.store = store;
        this.replica = replica;
        this.lpiKey = keys.lpi(replica);
    }

    /**
     * Writes {@code lpi/<me> = lpi} and {@code ssv/<me> = stateVersion}.
     *
     * @throws EtcdCallFailedException if etcd did not answer (the outcome is unknown; a later call supersedes it)
     */
    public synchronized void record(long lpi, long stateVersion) {
        for (int i = 0; i < TRIES; i++) {
            Write write = prepare(lpi, stateVersion);
            TxnResponse answer = etcd.txn(write.compares(), write.ops());
            if (answer.isSucceeded()) {
                seenRevision = answer.getHeader().getRevision();
                return;
            }
            seenRevision = UNKNOWN;
        }
        throw new EtcdCallFailedException(lpiKey + " changed under each of " + TRIES
                + " guarded writes; only this replica writes it, so another process may be running as "
                + replica + ": stop it", null);
    }

    /** The transaction {@link #record} sends now, as it would reach etcd (tests send it late by hand). */
    public synchronized Write prepare(long lpi, long stateVersion) {
        if (seenRevision == UNKNOWN) {
            seenRevision = etcd.get(lpiKey).map(kv -> kv.getModRevision()).orElse(0L);
        }
        return new Write(List.of(Etcd.modRevisionIs(lpiKey, seenRevision)),
                List.of(store.putLpi(replica, lpi), store.putSsv(replica, stateVersion)));
    }

    /** One guarded progress write. */
    public record Write(List<Cmp> compares, List<Op> ops) {
    }
}
