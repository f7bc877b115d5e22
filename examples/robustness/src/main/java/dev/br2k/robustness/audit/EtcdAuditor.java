package dev.br2k.robustness.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Reads the runtime's keys ({@code /br2k/<service>/...}, spec §1.3) and summarises them. */
public final class EtcdAuditor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 1000;

    private EtcdAuditor() {
    }

    public static LogAudit audit(List<String> endpoints, String service) {
        String prefix = "/br2k/" + service + "/";
        try (Client client = Client.builder().endpoints(endpoints.toArray(String[]::new)).build()) {
            Map<Long, String> requestIds = new HashMap<>();
            for (KeyValue kv : range(client, prefix + "log/")) {
                requestIds.put(index(kv), JSON.readTree(kv.getValue().getBytes()).path("requestId").asText());
            }
            Map<String, Long> counts = new TreeMap<>();
            Map<String, Integer> successes = new HashMap<>();
            for (KeyValue kv : range(client, prefix + "status/")) {
                JsonNode st = JSON.readTree(kv.getValue().getBytes());
                String status = st.path("status").asText();
                counts.merge(status, 1L, Long::sum);
                String id = requestIds.get(index(kv));
                if (id != null && status.equals("SUCCESS")) {
                    successes.merge(id, 1, Integer::sum);
                }
            }
            long logSize = number(client, prefix + "log-size");
            long ssi = number(client, prefix + "service-state");
            List<KeyValue> leader = get(client, prefix + "leader", GetOption.DEFAULT);
            long takeovers = leader.isEmpty() ? 0 : leader.get(0).getVersion();
            return new LogAudit(logSize, ssi, counts, successes, takeovers, number(client, prefix + "state-version"));
        } catch (IOException e) {
            throw new ExperimentException("a BR2K key in etcd is not the JSON the runtime writes: " + e.getMessage(), e);
        }
    }

    private static long index(KeyValue kv) {
        String key = kv.getKey().toString(StandardCharsets.UTF_8);
        return Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
    }

    private static long number(Client client, String key) {
        List<KeyValue> kvs = get(client, key, GetOption.DEFAULT);
        return kvs.isEmpty() ? -1 : Long.parseLong(kvs.get(0).getValue().toString(StandardCharsets.UTF_8).trim());
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
