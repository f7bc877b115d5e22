package dev.br2k.protocol.status;

import dev.br2k.protocol.ProtocolException;
import dev.br2k.protocol.Role;
import dev.br2k.protocol.json.JsonFields;
import dev.br2k.protocol.json.JsonWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON of {@code GET /br2k/status}, both ways. Reading is strict: a missing field, a field this version does
 * not know, or a value of the wrong type is a {@link ProtocolException} that names the field. Optional values are
 * written as {@code null}, never left out.
 */
public final class StatusCodec {
    private static final String BODY = "the /br2k/status body";

    private StatusCodec() {
    }

    public static String encode(ReplicaStatusRecord s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("service", s.service());
        f.put("id", s.id());
        f.put("role", s.role());
        f.put("lpi", s.lpi());
        f.put("ssi", s.ssi());
        f.put("logSize", s.logSize());
        f.put("stateVersion", s.stateVersion());
        f.put("replicaStateVersion", s.replicaStateVersion());
        f.put("leader", s.leader());
        f.put("leaderUrl", s.leaderUrl());
        f.put("url", s.url());
        f.put("lastBackup", s.lastBackup().map(StatusCodec::backup));
        f.put("problem", s.problem());
        return JsonWriter.write(f);
    }

    public static ReplicaStatusRecord decode(String json) {
        JsonFields f = JsonFields.parse(json, BODY);
        ReplicaStatusRecord s = new ReplicaStatusRecord(f.string("service"), f.string("id"), role(f.string("role")),
                f.number("lpi"), f.number("ssi"), f.number("logSize"), f.number("stateVersion"),
                f.number("replicaStateVersion"), f.optionalString("leader"), f.optionalString("leaderUrl"),
                f.string("url"), f.optionalObject("lastBackup", StatusCodec::backup), f.optionalString("problem"));
        f.done();
        return s;
    }

    private static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (ProtocolException e) {
            throw new ProtocolException(BODY + " field 'role': " + e.getMessage());
        }
    }

    private static Map<String, Object> backup(BackupSummary b) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("service", b.service());
        f.put("version", b.version());
        f.put("lastIndex", b.lastIndex());
        f.put("startTime", b.startTime().toString());
        f.put("endTime", b.endTime().toString());
        f.put("members", b.members());
        f.put("etcdSnapshotSize", b.etcdSnapshotSize());
        f.put("stateSize", b.stateSize());
        f.put("storageLocation", b.storageLocation());
        f.put("leaderId", b.leaderId());
        f.put("sha256", new java.util.TreeMap<>(b.sha256()));
        return f;
    }

    private static BackupSummary backup(JsonFields f) {
        return new BackupSummary(f.string("service"), f.number("version"), f.number("lastIndex"),
                instant(f, "startTime"), instant(f, "endTime"), f.strings("members"), f.number("etcdSnapshotSize"),
                f.number("stateSize"), f.string("storageLocation"), f.string("leaderId"), f.stringMap("sha256"));
    }

    private static Instant instant(JsonFields f, String name) {
        String text = f.string(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProtocolException(BODY + " field 'lastBackup." + name + "' is '" + text + "', not an ISO-8601 instant");
        }
    }
}
