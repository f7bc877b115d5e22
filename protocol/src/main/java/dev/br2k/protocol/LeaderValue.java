package dev.br2k.protocol;

import dev.br2k.protocol.json.JsonFields;
import dev.br2k.protocol.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The value of {@code leader} (CL): who leads, where clients reach it, and the etcd term it took over in. */
public record LeaderValue(String id, String url, long term) {
    public LeaderValue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
    }

    public String encode() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("url", url);
        fields.put("term", term);
        return JsonWriter.write(fields);
    }

    /** The value of the {@code leader} key; a missing, unknown or mistyped field is a {@link ProtocolException}. */
    public static LeaderValue decode(String text) {
        JsonFields f = JsonFields.parse(text, "the leader key's value");
        LeaderValue value = new LeaderValue(f.string("id"), f.string("url"), f.number("term"));
        f.done();
        return value;
    }
}
