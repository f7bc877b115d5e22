package dev.br2k.replication;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.options.GetOption;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads a service's keys straight from etcd, the way an operator would check them. */
final class EtcdKeys implements AutoCloseable {
    private final Client client;
    private final String prefix;

    EtcdKeys(String endpoints, String service) {
        this.client = Client.builder().endpoints(endpoints.split(",")).build();
        this.prefix = "/br2k/" + service + "/";
    }

    Optional<String> get(String key) {
        try {
            List<KeyValue> kvs = client.getKVClient().get(bs(prefix + key)).get(10, TimeUnit.SECONDS).getKvs();
            return kvs.isEmpty() ? Optional.empty() : Optional.of(kvs.get(0).getValue().toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + key + ": " + e, e);
        }
    }

    /** Deletes every key of the service, as if its etcd cluster were lost and a new, empty one stood in its place. */
    void deleteAll() {
        try {
            client.getKVClient().delete(bs(prefix), io.etcd.jetcd.options.DeleteOption.builder().isPrefix(true).build())
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot delete " + prefix + ": " + e, e);
        }
    }

    /** Writes {@code key} as a client outside BR2K would (tests that play a stale or concurrent writer). */
    void put(String key, String value) {
        try {
            client.getKVClient().put(bs(prefix + key), bs(value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + key + ": " + e, e);
        }
    }

    /** The etcd cluster's id, as every response header carries it. */
    long clusterId() {
        try {
            return client.getKVClient().get(bs(prefix)).get(10, TimeUnit.SECONDS).getHeader().getClusterId();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read etcd's cluster id: " + e, e);
        }
    }

    /** etcd's current revision. */
    long revision() {
        try {
            return client.getKVClient().get(bs(prefix)).get(10, TimeUnit.SECONDS).getHeader().getRevision();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read etcd's revision: " + e, e);
        }
    }

    /** Whether etcd can still answer a read as of {@code revision}, false once its history was compacted past it. */
    boolean historyKeptAt(long revision) {
        try {
            client.getKVClient().get(bs(prefix), GetOption.builder().isPrefix(true).withRevision(revision).build())
                    .get(10, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            if (String.valueOf(e.getCause()).contains("compacted")) {
                return false;
            }
            throw new IllegalStateException("cannot read at revision " + revision + ": " + e, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read at revision " + revision + ": " + e, e);
        }
    }

    long number(String key) {
        return get(key).map(Long::parseLong).orElse(0L);
    }

    /** Keys under {@code prefix + sub}, without the service prefix, sorted. */
    Map<String, String> all(String sub) {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            for (KeyValue kv : client.getKVClient().get(bs(prefix + sub), GetOption.builder().isPrefix(true).build())
                    .get(10, TimeUnit.SECONDS).getKvs()) {
                out.put(kv.getKey().toString(StandardCharsets.UTF_8).substring(prefix.length()),
                        kv.getValue().toString(StandardCharsets.UTF_8));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + sub + ": " + e, e);
        }
    }

    static String index(long i) {
        return String.format("%020d", i);
    }

    private static ByteSequence bs(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        client.close();
    }
}
