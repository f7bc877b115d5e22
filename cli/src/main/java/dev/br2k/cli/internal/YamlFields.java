package dev.br2k.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.br2k.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of one YAML (or JSON) mapping, collecting every problem with the field's path, so
 * that a broken file gets one error naming all that is wrong.
 */
public final class YamlFields {
    public static final YAMLMapper YAML = new YAMLMapper();

    private final ObjectNode node;
    private final String prefix;
    private final List<String> problems;
    private final List<String> known = new ArrayList<>();

    private YamlFields(ObjectNode node, String prefix, List<String> problems) {
        this.node = node;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** Reads {@code file}; a missing or unparsable file is a {@link CliException} naming it. */
    public static YamlFields read(Path file, String what, String fix) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliException.badFile("there is no " + what + " at " + file + (fix.isEmpty() ? "" : ": " + fix));
        } catch (IOException e) {
            throw CliException.badFile("the " + what + " " + file + " cannot be read: " + e.getMessage());
        }
        return parse(text, file + "", what);
    }

    public static YamlFields parse(String text, String source, String what) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw CliException.badFile("the " + what + " " + source + " is not valid YAML or JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw CliException.badFile("the " + what + " " + source + " must be a mapping of fields");
        }
        return new YamlFields((ObjectNode) root, "", new ArrayList<>());
    }

    public void problem(String field, String message) {
        problems.add(prefix + field + " " + message);
    }

    /** Throws one {@link CliException} listing every problem, if there are any. */
    public void failIfProblems(String what, String source) {
        if (!problems.isEmpty()) {
            throw CliException.badFile("the " + what + " " + source + " is broken: " + String.join("; ", problems));
        }
    }

    private JsonNode get(String field, boolean required) {
        known.add(field);
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem(field, "is missing");
            }
            return null;
        }
        return v;
    }

    public Optional<String> string(String field, boolean required, String pattern, String expected) {
        JsonNode v = get(field, required);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isValueNode()) {
            problem(field, "must be a string");
            return Optional.empty();
        }
        String s = v.asText().trim();
        if (s.isEmpty()) {
            problem(field, "is empty");
            return Optional.empty();
        }
        if (pattern != null && !s.matches(pattern)) {
            problem(field, "is \"" + s + "\"; expected " + expected);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public Optional<Integer> integer(String field, boolean required, int min, int max) {
        JsonNode v = get(field, required);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v.isIntegralNumber() || v.isTextual() && v.asText().trim().matches("-?[0-9]{1,9}"))) {
            problem(field, "is \"" + v.asText() + "\"; expected a whole number");
            return Optional.empty();
        }
        int value = v.isIntegralNumber() ? v.asInt() : Integer.parseInt(v.asText().trim());
        if (value < min || value > max) {
            problem(field, "is " + value + "; expected " + min + ".." + max);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public boolean bool(String field, boolean fallback) {
        JsonNode v = get(field, false);
        if (v == null) {
            return fallback;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && v.asText().matches("(?i)true|false")) {
            return Boolean.parseBoolean(v.asText());
        }
        problem(field, "is \"" + v.asText() + "\"; expected true or false");
        return fallback;
    }

    public List<String> strings(String field) {
        JsonNode v = get(field, false);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            problem(field, "must be a list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isValueNode() || v.get(i).asText().isBlank()) {
                problem(field + "[" + i + "]", "must be a non-empty string");
            } else {
                out.add(v.get(i).asText().trim());
            }
        }
        return out;
    }

    /** A mapping of strings to strings. */
    public java.util.Map<String, String> stringMap(String field) {
        JsonNode v = get(field, false);
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            problem(field, "must be a mapping of key to value");
            return out;
        }
        v.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                problem(field + "." + e.getKey(), "must be a string");
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }

    /** The mappings of a list field, each with its own prefix ({@code contexts[0].}). */
    public List<YamlFields> objects(String field) {
        JsonNode v = get(field, false);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            problem(field, "must be a list");
            return List.of();
        }
        List<YamlFields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                problem(field + "[" + i + "]", "must be a mapping");
            } else {
                out.add(new YamlFields((ObjectNode) v.get(i), prefix + field + "[" + i + "].", problems));
            }
        }
        return out;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Reports fields nobody asked for (typos) as problems. */
    public void rejectUnknown() {
        node.fieldNames().forEachRemaining(n -> {
            if (!known.contains(n)) {
                problem(n, "is not a known field (known: " + String.join(", ", known) + ")");
            }
        });
    }
}
