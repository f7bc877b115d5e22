package dev.br2k.registry.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.replication.backup.BackupRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plain form of a {@link BackupRecord} before it is signed ({@link SignedBackupRecord}) and encrypted:
 * compact JSON with the record's field names, times as ISO-8601 strings and the hashes sorted by artifact
 * name, so other tools (e.g. eciesjs plus {@code JSON.parse}) can read it.
 */
final class BackupRecordJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BackupRecordJson() {
    }

    static byte[] write(BackupRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("service", r.service());
        node.put("version", r.version());
        node.put("lastIndex", r.lastIndex());
        node.put("startTime", r.startTime().toString());
        node.put("endTime", r.endTime().toString());
        ArrayNode members = node.putArray("members");
        r.members().forEach(members::add);
        node.put("etcdSnapshotSize", r.etcdSnapshotSize());
        node.put("stateSize", r.stateSize());
        node.put("storageLocation", r.storageLocation());
        node.put("storageAccessKey", r.storageAccessKey());
        node.put("leaderId", r.leaderId());
        ObjectNode hashes = node.putObject("sha256");
        new TreeMap<>(r.sha256()).forEach(hashes::put);
        node.put("artifactKey", r.artifactKey());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a backup record as JSON", e);
        }
    }

    static BackupRecord read(byte[] json) throws IOException {
        JsonNode n = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        List<String> members = new ArrayList<>();
        n.path("members").forEach(m -> members.add(m.asText()));
        Map<String, String> hashes = new TreeMap<>();
        n.path("sha256").fields().forEachRemaining(e -> hashes.put(e.getKey(), e.getValue().asText()));
        try {
            return new BackupRecord(
                    text(n, "service"),
                    n.path("version").asLong(),
                    n.path("lastIndex").asLong(),
                    Instant.parse(text(n, "startTime")),
                    Instant.parse(text(n, "endTime")),
                    members,
                    n.path("etcdSnapshotSize").asLong(),
                    n.path("stateSize").asLong(),
                    text(n, "storageLocation"),
                    n.path("storageAccessKey").asText(""),
                    text(n, "leaderId"),
                    hashes,
                    n.path("artifactKey").asText(""));
        } catch (RuntimeException e) {
            throw new IOException("The decrypted backup record is not a valid BR2K backup record: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode value = n.get(field);
        if (value == null || value.isNull()) {
            throw new IOException("The decrypted backup record has no '" + field + "'");
        }
        return value.asText();
    }
}
