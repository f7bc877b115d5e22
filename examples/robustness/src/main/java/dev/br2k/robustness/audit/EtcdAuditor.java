package dev.br2k.robustness.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.protocol.Counter;
import dev.br2k.protocol.EntryStatus;
import dev.br2k.protocol.KeyLayout;
import dev.br2k.protocol.ProtocolException;
import dev.br2k.robustness.ExperimentException;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.options.GetOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the runtime's keys ({@code /br2k/<service>/...}, spec §1.3, laid out by the protocol's {@link KeyLayout})
 * and summarises them. Of a log entry it needs only the request id, of an entry state only its
 * {@link EntryStatus}; a value that is not what the runtime writes stops the audit with the key named.
 */
public final class EtcdAuditor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    private EtcdAuditor() {
    }

    public static LogAudit audit(List<String> endpoints, String service) {
        KeyLayout keys = new KeyLayout(service);
        try (Client client = Client.builder().endpoints(endpoints.toArray(String[]::new)).build()) {
            Map<Long, String> requestIds = new HashMap<>();
            for (KeyValue kv : range(client, keys.logPrefix())) {
                requestIds.put(index(kv), field(kv, "requestId").asText());
            }
            Map<String, Long> counts = new TreeMap<>();
            Map<String, Integer> successes = new HashMap<>();
            for (KeyValue kv : range(client, keys.statusPrefix())) {
                EntryStatus status = EntryStatus.parse(field(kv, "status").asText());
                counts.merge(status.name(), 1L, Long::sum);
                String id = requestIds.get(index(kv));
                if (id != null && status == EntryStatus.SUCCESS) {
                    successes.merge(id, 1, Integer::sum);
                }
            }
            long logSize = number(client, keys.logSize());
            long ssi = number(client, keys.serviceState());
            List<KeyValue> leader = get(client, keys.leader(), GetOption.DEFAULT);
            long takeovers = leader.isEmpty() ? 0 : leader.get(0).getVersion();
            return new LogAudit(logSize, ssi, counts, successes, takeovers, number(client, keys.stateVersion()));
        } catch (ProtocolException e) {
            throw new ExperimentException("a BR2K key in etcd is not what the runtime writes: " + e.getMessage(), e);
        }
    }

    /** The textual field {@code name} of the JSON value of {@code kv}. */
    private static JsonNode field(KeyValue kv, String name) {
        String key = kv.getKey().toString(StandardCharsets.UTF_8);
        try {
            JsonNode n = JSON.readTree(kv.getValue().getBytes()).get(name);
            if (n == null || !n.isTextual()) {
                throw new ProtocolException("etcd key " + key + " has no text field '" + name + "'");
            }
            return n;
        } catch (IOException e) {
            throw new ProtocolException("etcd key " + key + " does not hold JSON: " + e.getMessage());
        }
    }

    private static long index(KeyValue kv) {
        return KeyLayout.indexOf(kv.getKey().toString(StandardCharsets.UTF_8));
    }

    /** The number at {@code key}, -1 when absent. */
    private static long number(Client client, String key) {
        List<KeyValue> kvs = get(client, key, GetOption.DEFAULT);
        return kvs.isEmpty() ? -1 : Counter.decode(key, kvs.get(0).getValue().toString(StandardCharsets.UTF_8));
    }

    /** Every key under {@code prefix}, read in pages (one response is limited to a few MB). */
    private static List<KeyValue> range(Client client, String prefix) {
        List<KeyValue> all = new ArrayList<>();
        ByteSequence end = ByteSequence.from(prefixEnd(prefix), StandardCharsets.UTF_8);
        String from = prefix;
        while (true) {
            List<KeyValue> page = get(client, from, GetOption.builder().withRange(end).withLimit(PAGE).build());
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            from = page.get(page.size() - 1).getKey().toString(StandardCharsets.UTF_8) + "\0";
        }
    }

    private static String prefixEnd(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }

    private static List<KeyValue> get(Client client, String key, GetOption option) {
        try {
            return client.getKVClient().get(ByteSequence.from(key, StandardCharsets.UTF_8), option)
                    .get(30, TimeUnit.SECONDS).getKvs();
        } catch (ExecutionException | TimeoutException e) {
            throw new ExperimentException("cannot read " + key + " from etcd: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperimentException("interrupted while reading etcd", e);
        }
    }
}
