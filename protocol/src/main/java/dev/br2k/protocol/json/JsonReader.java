package dev.br2k.protocol.json;

import dev.br2k.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader for the protocol's values: objects become {@link Map}s (in order), arrays
 * {@link List}s, numbers {@link Long} (the protocol has no fractions), strings, booleans, and {@link #NULL}.
 */
public final class JsonReader {
    /** JSON's {@code null}, so that a present null differs from an absent field. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String text;
    private int at;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value {@code text} holds; {@code what} names it in errors (e.g. "the leader key"). */
    public static Object read(String text, String what) {
        JsonReader r = new JsonReader(text);
        r.space();
        Object value = r.value(what);
        r.space();
        if (r.at != text.length()) {
            throw r.error(what, "text after the value");
        }
        return value;
    }

    private Object value(String what) {
        if (at >= text.length()) {
            throw error(what, "the text ends where a value was expected");
        }
        char c = text.charAt(at);
        if (c == '{') {
            return object(what);
        } else if (c == '[') {
            return array(what);
        } else if (c == '"') {
            return string(what);
        } else if (c == '-' || Character.isDigit(c)) {
            return number(what);
        } else if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        } else if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        } else if (text.startsWith("null", at)) {
            at += 4;
            return NULL;
        }
        throw error(what, "unexpected '" + c + "'");
    }

    private Map<String, Object> object(String what) {
        Map<String, Object> fields = new LinkedHashMap<>();
        at++;
        space();
        if (peek() == '}') {
            at++;
            return fields;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error(what, "a field name was expected");
            }
            String name = string(what);
            space();
            expect(':', what);
            space();
            if (fields.put(name, value(what)) != null) {
                throw error(what, "field '" + name + "' appears twice");
            }
            space();
            char c = next(what);
            if (c == '}') {
                return fields;
            }
            if (c != ',') {
                throw error(what, "',' or '}' was expected");
            }
        }
    }

    private List<Object> array(String what) {
        List<Object> items = new ArrayList<>();
        at++;
        space();
        if (peek() == ']') {
            at++;
            return items;
        }
        while (true) {
            space();
            items.add(value(what));
            space();
            char c = next(what);
            if (c == ']') {
                return items;
            }
            if (c != ',') {
                throw error(what, "',' or ']' was expected");
            }
        }
    }

    private String string(String what) {
        at++;
        StringBuilder s = new StringBuilder();
        while (true) {
            char c = next(what);
            if (c == '"') {
                return s.toString();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char e = next(what);
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error(what, "a \\u escape is cut short");
                    }
                    try {
                        s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error(what, "a \\u escape is not hexadecimal");
                    }
                    at += 4;
                }
                default -> throw error(what, "unknown escape \\" + e);
            }
        }
    }

    private Long number(String what) {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at < text.length() && ".eE".indexOf(text.charAt(at)) >= 0) {
            throw error(what, "the protocol has whole numbers only");
        }
        try {
            return Long.parseLong(text.substring(start, at));
        } catch (NumberFormatException e) {
            throw error(what, "'" + text.substring(start, at) + "' is not a 64-bit whole number");
        }
    }

    private void expect(char c, String what) {
        if (next(what) != c) {
            throw error(what, "'" + c + "' was expected");
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private char next(String what) {
        if (at >= text.length()) {
            throw error(what, "the text ends too early");
        }
        return text.charAt(at++);
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private ProtocolException error(String what, String problem) {
        return new ProtocolException(what + " is not valid JSON at character " + at + ": " + problem);
    }
}
