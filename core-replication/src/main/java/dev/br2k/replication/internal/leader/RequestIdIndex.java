package dev.br2k.replication.internal.leader;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.replication.internal.log.Etcd;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The request ids a leader's retry check must look up ({@code request/<version>/<id>} of the current state version
 * and the one before), held in memory so that a group of new requests needs no read of etcd before it runs.
 *
 * <p>It is exact because only the holder of the leader key writes request ids, each inside a commit fenced by the
 * key's mod revision (I2): once this leader's takeover has replaced that revision, no earlier leader's write can
 * land, so the ids read after the takeover plus the ids of this leader's own confirmed commits are all there are.
 * A backup (the state version goes up by one) keeps the current version's ids as the previous ones and deletes the
 * older ones in etcd. An id the index knows is still read from etcd, for its record. The commit's guard that a new id
 * is absent stays: were the index ever wrong, the commit would be refused, never a request applied twice.
 *
 * <p>Used by the leader thread only.
 */
final class RequestIdIndex {
    /** Above this many ids in the two versions the leader reads etcd for every group instead of holding them. */
    static final int MAX_IDS = 100_000;

    private long version;
    private Set<String> current;
    private Set<String> previous;

    private RequestIdIndex(long version, Set<String> current, Set<String> previous) {
        this.version = version;
        this.current = current;
        this.previous = previous;
    }

    /**
     * Reads the ids of state versions {@code version} and {@code version - 1}; empty when there are more than
     * {@code most}, or after a backup to a version this index cannot follow.
     */
    static Optional<RequestIdIndex> load(Etcd etcd, KeyLayout keys, long version, int most) {
        Optional<List<String>> now = etcd.keysUnder(keys.requestPrefix(version), most);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<String>> before = etcd.keysUnder(keys.requestPrefix(version - 1), most - now.get().size());
        return before.map(b -> new RequestIdIndex(version, ids(now.get(), keys.requestPrefix(version)),
                ids(b, keys.requestPrefix(version - 1))));
    }

    private static Set<String> ids(List<String> keys, String prefix) {
        Set<String> ids = new HashSet<>(keys.size() * 2);
        for (String key : keys) {
            ids.add(key.substring(prefix.length()));
        }
        return ids;
    }

    /** The state version whose ids are {@link #mayBeRecorded current}. */
    long version() {
        return version;
    }

    /** False when {@code id} is recorded in neither version: a new request, with nothing to read. */
    boolean mayBeRecorded(String id) {
        return current.contains(id) || previous.contains(id);
    }

    /** A confirmed commit of this leader recorded {@code id} in the current version. */
    void recorded(String id) {
        current.add(id);
    }

    /**
     * The state version went up by one (a backup): the current ids become the previous ones. Returns false for any
     * other change, which the index cannot follow.
     */
    boolean movedTo(long newVersion) {
        if (newVersion != version + 1) {
            return false;
        }
        previous = current;
        current = new HashSet<>();
        version = newVersion;
        return true;
    }

    /** How many ids it holds. */
    int size() {
        return current.size() + previous.size();
    }
}
