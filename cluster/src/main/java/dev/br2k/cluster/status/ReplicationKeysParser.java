package dev.br2k.cluster.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.cluster.ReplicationKeys;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the keys under {@code /br2k/<service>/} into {@link ReplicationKeys}. Values may be plain
 * numbers or JSON objects; the leader's value may be a JSON object with an {@code id} or a bare id.
 */
public final class ReplicationKeysParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplicationKeysParser() {
    }

    public static String prefix(String service) {
        return "/br2k/" + service + "/";
    }

    public static ReplicationKeys parse(String service, Map<String, String> kvs) {
        String prefix = prefix(service);
        long logSize = -1;
        long ssi = -1;
        long version = 0;
        Optional<String> leader = Optional.empty();
        Map<String, Long> lpi = new HashMap<>();
        Map<String, Long> ssv = new HashMap<>();
        Map<String, String> members = new HashMap<>();
        for (Map.Entry<String, String> e : kvs.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String k = e.getKey().substring(prefix.length());
            String v = e.getValue();
            if (k.equals("log-size")) {
                logSize = number(v, -1);
            } else if (k.equals("service-state")) {
                ssi = number(v, -1);
            } else if (k.equals("state-version")) {
                version = number(v, 0);
            } else if (k.equals("leader")) {
                leader = leaderId(v);
            } else if (k.startsWith("lpi/")) {
                lpi.put(k.substring(4), number(v, -1));
            } else if (k.startsWith("ssv/")) {
                ssv.put(k.substring(4), number(v, 0));
            } else if (k.startsWith("members/")) {
                members.put(k.substring(8), v);
            }
        }
        return new ReplicationKeys(logSize, ssi, version, leader, lpi, ssv, members);
    }

    static long number(String v, long fallback) {
        String s = v.trim();
        if (s.matches("-?[0-9]+")) {
            return Long.parseLong(s);
        }
        try {
            JsonNode n = JSON.readTree(s);
            if (n != null && n.isObject()) {
                for (String field : new String[] {"value", "index", "version", "size"}) {
                    if (n.has(field) && n.get(field).canConvertToLong()) {
                        return n.get(field).asLong();
                    }
                }
            }
        } catch (IOException ignored) {
            // not JSON either: fall through
        }
        return fallback;
    }

    static Optional<String> leaderId(String v) {
        String s = v.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.startsWith("{")) {
            try {
                JsonNode n = JSON.readTree(s);
                for (String field : new String[] {"id", "replicaId", "replica"}) {
                    if (n.hasNonNull(field) && !n.get(field).asText().isBlank()) {
                        return Optional.of(n.get(field).asText());
                    }
                }
            } catch (IOException ignored) {
                // fall back to the raw value
            }
        }
        return Optional.of(s);
    }
}
