package dev.br2k.cluster.status;

import dev.br2k.cluster.ReplicationKeys;
import dev.br2k.cluster.etcd.EtcdAccess;

import java.util.HashMap;
import java.util.Map;

/** Reads a service's replication keys with a few small range requests (never the log itself). */
public final class ReplicationKeysReader {

    private static final String[] KEYS = {"leader", "log-size", "service-state", "state-version", "lpi/", "ssv/", "members/"};

    private ReplicationKeysReader() {
    }

    public static ReplicationKeys read(EtcdAccess etcd, String service) {
        String prefix = ReplicationKeysParser.prefix(service);
        Map<String, String> kvs = new HashMap<>();
        for (String key : KEYS) {
            Map<String, String> found = etcd.range(prefix + key);
            if (key.endsWith("/")) {
                kvs.putAll(found);
            } else if (found.containsKey(prefix + key)) {
                kvs.put(prefix + key, found.get(prefix + key));
            }
        }
        return ReplicationKeysParser.parse(service, kvs);
    }
}
