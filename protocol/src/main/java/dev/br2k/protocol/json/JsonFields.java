package dev.br2k.protocol.json;

import dev.br2k.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The fields of one JSON object, taken by name and type. A field that is missing or has the wrong type is an
 * error naming it; {@link #done()} makes any field not taken an error too ("unknown field").
 */
public final class JsonFields {
    private final Map<String, Object> fields;
    private final String what;
    private final Set<String> taken = new HashSet<>();

    private JsonFields(Map<String, Object> fields, String what) {
        this.fields = fields;
        this.what = what;
    }

    /** The object in {@code text}; {@code what} names it in errors (e.g. "the /br2k/status body"). */
    public static JsonFields parse(String text, String what) {
        return of(JsonReader.read(text, what), what);
    }

    static JsonFields of(Object value, String what) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new ProtocolException(what + " is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) m;
        return new JsonFields(fields, what);
    }

    public String string(String name) {
        return typed(name, String.class, "a string");
    }

    /** A string that may be null (empty then); the field itself must be present. */
    public Optional<String> optionalString(String name) {
        return present(name) == JsonReader.NULL ? Optional.empty() : Optional.of(string(name));
    }

    public long number(String name) {
        return typed(name, Long.class, "a whole number");
    }

    public boolean bool(String name) {
        return typed(name, Boolean.class, "true or false");
    }

    /** A nested object that may be null, decoded by {@code decode}. */
    public <T> Optional<T> optionalObject(String name, Function<JsonFields, T> decode) {
        Object value = present(name);
        if (value == JsonReader.NULL) {
            return Optional.empty();
        }
        JsonFields nested = of(value, what + " field '" + name + "'");
        T decoded = decode.apply(nested);
        nested.done();
        return Optional.of(decoded);
    }

    public List<String> strings(String name) {
        List<?> items = typed(name, List.class, "a list of strings");
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s)) {
                throw wrongType(name, "a list of strings");
            }
            out.add(s);
        }
        return out;
    }

    public Map<String, String> stringMap(String name) {
        Object value = present(name);
        if (!(value instanceof Map<?, ?> m)) {
            throw wrongType(name, "an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw wrongType(name, "an object of strings");
            }
            out.put((String) e.getKey(), s);
        }
        return out;
    }

    /** Fails on any field that was not taken. */
    public void done() {
        for (String name : fields.keySet()) {
            if (!taken.contains(name)) {
                throw new ProtocolException(what + " has an unknown field '" + name
                        + "': it was written by another BR2K version; run the same version on both sides");
            }
        }
    }

    private <T> T typed(String name, Class<T> type, String expected) {
        Object value = present(name);
        if (!type.isInstance(value)) {
            throw wrongType(name, expected);
        }
        return type.cast(value);
    }

    private Object present(String name) {
        if (!fields.containsKey(name)) {
            throw new ProtocolException(what + " has no field '" + name + "'");
        }
        taken.add(name);
        return fields.get(name);
    }

    private ProtocolException wrongType(String name, String expected) {
        return new ProtocolException(what + " field '" + name + "' is " + fields.get(name) + ", not " + expected);
    }
}
