package dev.br2k.protocol;

import dev.br2k.protocol.json.JsonFields;
import dev.br2k.protocol.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The value of {@code members/<replica>}, kept alive by a lease while the replica runs: where it is served,
 * the etcd member it sits beside, its role, and whether it could take over right now (a Follower that is
 * following, not one still stepping down, starting or restoring). Leadership is only handed to a ready one.
 */
public record MemberValue(String id, String url, String etcdMemberId, Role role, boolean ready) {
    public MemberValue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(etcdMemberId, "etcdMemberId");
        Objects.requireNonNull(role, "role");
    }

    /** True for a replica that can take over now. */
    public boolean canLead() {
        return ready;
    }

    public String encode() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("url", url);
        fields.put("etcdMemberId", etcdMemberId);
        fields.put("role", role);
        fields.put("ready", ready);
        return JsonWriter.write(fields);
    }

    /** The value of a {@code members/<replica>} key; a missing, unknown or mistyped field is a {@link ProtocolException}. */
    public static MemberValue decode(String text) {
        JsonFields f = JsonFields.parse(text, "a members/<replica> value");
        MemberValue value = new MemberValue(f.string("id"), f.string("url"), f.string("etcdMemberId"),
                Role.parse(f.string("role")), f.bool("ready"));
        f.done();
        return value;
    }
}
