package dev.br2k.cluster.status;

import dev.br2k.cluster.ReplicationKeys;
import dev.br2k.cluster.etcd.EtcdAccess;
import dev.br2k.protocol.Counter;
import dev.br2k.protocol.KeyLayout;
import dev.br2k.protocol.LeaderValue;
import dev.br2k.protocol.MemberValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a service's replication keys with a few small range requests (never the log itself), decoded by the
 * protocol's codecs: a value that is not what the runtime writes is a {@link dev.br2k.protocol.ProtocolException}
 * naming the key, never a guess.
 */
public final class ReplicationKeysReader {

    private ReplicationKeysReader() {
    }

    public static ReplicationKeys read(EtcdAccess etcd, String service) {
        KeyLayout keys = new KeyLayout(service);
        Optional<String> leader = one(etcd, keys.leader()).map(v -> LeaderValue.decode(v).id());
        long logSize = number(etcd, keys.logSize(), -1);
        long ssi = number(etcd, keys.serviceState(), -1);
        long version = number(etcd, keys.stateVersion(), 0);
        Map<String, Long> lpi = new HashMap<>();
        etcd.range(keys.lpiPrefix()).forEach((k, v) -> lpi.put(KeyLayout.replicaOf(k, keys.lpiPrefix()), Counter.decode(k, v)));
        Map<String, Long> ssv = new HashMap<>();
        etcd.range(keys.ssvPrefix()).forEach((k, v) -> ssv.put(KeyLayout.replicaOf(k, keys.ssvPrefix()), Counter.decode(k, v)));
        Map<String, MemberValue> members = new HashMap<>();
        etcd.range(keys.membersPrefix()).forEach((k, v) -> members.put(KeyLayout.replicaOf(k, keys.membersPrefix()), MemberValue.decode(v)));
        return new ReplicationKeys(logSize, ssi, version, leader, lpi, ssv, members);
    }

    /** {@code key} exactly (a range over it would also return keys that start with it, e.g. {@code leader-x}). */
    private static Optional<String> one(EtcdAccess etcd, String key) {
        return Optional.ofNullable(etcd.range(key).get(key));
    }

    private static long number(EtcdAccess etcd, String key, long absent) {
        return one(etcd, key).map(v -> Counter.decode(key, v)).orElse(absent);
    }
}
