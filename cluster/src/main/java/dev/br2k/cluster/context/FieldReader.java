package dev.br2k.cluster.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and checks the fields of one YAML or JSON mapping (a deployment context, and the CLI's context
 * requests, project and config files), collecting every problem with the field's path
 * ({@code port}, {@code imageRegistry.server}, {@code contexts[0].kind}) so that a broken file is
 * reported once, naming all that is wrong.
 *
 * <pre>{@code
 * FieldReader f = FieldReader.parse(text, "project file", "br2k.yaml", dir);   // InvalidFileException if not YAML
 * String service = f.string("service", true, "[a-z0-9-]+", "a lower-case DNS label").orElse("x");
 * int port = f.integer("port", false, 1, 65535).orElse(8080);
 * f.rejectUnknown();                                                          // typos are problems too
 * f.failIfProblems();                                                         // InvalidFileException listing them
 * }</pre>
 *
 * Every accessor records the field as known, and on a bad value records a problem and answers empty (or
 * the fallback): reading goes on, so one run finds every problem.
 */
public final class FieldReader {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final String LABEL_KEY = "([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?";
    private static final String LABEL_VALUE = "([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?";

    private final ObjectNode node;
    private final String prefix;
    private final Path baseDir;
    private final String what;
    private final String source;
    private final List<ContextProblem> problems;
    private final List<String> known = new ArrayList<>();

    private FieldReader(ObjectNode node, String prefix, Path baseDir, String what, String source, List<ContextProblem> problems) {
        this.node = node;
        this.prefix = prefix;
        this.baseDir = baseDir;
        this.what = what;
        this.source = source;
        this.problems = problems;
    }

    /**
     * Parses {@code text}; an empty text is an empty mapping.
     *
     * @param what    what the file is, for messages ("deployment context", "project file")
     * @param source  where it comes from, for messages (usually the path)
     * @param baseDir what {@link #file} resolves relative paths against
     * @throws InvalidFileException if the text is not YAML or JSON, or not a mapping
     */
    public static FieldReader parse(String text, String what, String source, Path baseDir) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseDir, "baseDir");
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidFileException(what, source, "it is not valid YAML or JSON (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw new InvalidFileException(what, source, "it must be a mapping of fields, not a list or a single value", null);
        }
        return new FieldReader((ObjectNode) root, "", baseDir, what, source, new ArrayList<>());
    }

    /** Records a problem with {@code field} (relative to this mapping); {@code message} continues "field ...". */
    public void problem(String field, String message) {
        problems.add(new ContextProblem(prefix + field, message));
    }

    /** True if the field is there and not null (without recording it as known). */
    public boolean present(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
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

    /** A non-empty string, trimmed, matching {@code pattern} when one is given ({@code expected} says what it wants). */
    public Optional<String> string(String field, boolean required, String pattern, String expected) {
        JsonNode v = get(field, required);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isValueNode() || v.isBoolean()) {
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

    /** A whole number in [min, max] (also as a string of digits). */
    public Optional<Long> number(String field, boolean required, long min, long max) {
        JsonNode v = get(field, required);
        if (v == null) {
            return Optional.empty();
        }
        long value;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            value = v.asLong();
        } else if (v.isTextual() && v.asText().trim().matches("-?[0-9]{1,18}")) {
            value = Long.parseLong(v.asText().trim());
        } else {
            problem(field, "is \"" + v.asText() + "\"; expected a whole number");
            return Optional.empty();
        }
        if (value < min || value > max) {
            problem(field, "is " + value + "; expected " + (max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** {@link #number} for an {@code int}. */
    public Optional<Integer> integer(String field, boolean required, int min, int max) {
        return number(field, required, min, max).map(Long::intValue);
    }

    /** true or false (also as a string); a bad value is a problem and answers {@code fallback}. */
    public boolean bool(String field, boolean fallback) {
        JsonNode v = get(field, false);
        if (v == null) {
            return fallback;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && v.asText().trim().matches("(?i)true|false")) {
            return Boolean.parseBoolean(v.asText().trim());
        }
        problem(field, "is \"" + v.asText() + "\"; expected true or false");
        return fallback;
    }

    /** One of {@code type}'s constants, by name, ignoring case. */
    public <E extends Enum<E>> Optional<E> enumValue(String field, Class<E> type) {
        Optional<String> s = string(field, false, null, null);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s.get())) {
                return Optional.of(e);
            }
        }
        problem(field, "is \"" + s.get() + "\"; expected one of " + Arrays.toString(type.getEnumConstants()));
        return Optional.empty();
    }

    /** A path to a readable file, relative to the base directory. */
    public Optional<Path> file(String field) {
        Optional<String> s = string(field, false, null, null);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Path p = baseDir.resolve(s.get()).normalize();
        if (!Files.isRegularFile(p)) {
            problem(field, "names " + p + ", which is not a readable file");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** A mapping of Kubernetes label keys to label values, in file order. */
    public Map<String, String> labels(String field) {
        JsonNode v = get(field, false);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            problem(field, "must be a mapping of label to value, e.g. { br2k.dev/node: \"true\" }");
            return out;
        }
        v.fields().forEachRemaining(e -> {
            if (!e.getKey().matches(LABEL_KEY)) {
                problem(field + "." + e.getKey(), "is not a valid label key");
            } else if (!e.getValue().isValueNode() || !e.getValue().asText().matches(LABEL_VALUE)) {
                problem(field + "." + e.getKey(), "has value \"" + e.getValue().asText() + "\", which is not a valid label value");
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }

    /** A list of non-empty strings (numbers are taken as their text). */
    public List<String> strings(String field) {
        JsonNode v = list(field);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!(item.isTextual() || item.isNumber()) || item.asText().isBlank()) {
                problem(field + "[" + i + "]", "must be a non-empty string");
            } else {
                out.add(item.asText().trim());
            }
        }
        return out;
    }

    /** A nested mapping, whose problems are named {@code field.child}. */
    public Optional<FieldReader> object(String field) {
        JsonNode v = get(field, false);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            problem(field, "must be a mapping");
            return Optional.empty();
        }
        return Optional.of(child((ObjectNode) v, prefix + field + "."));
    }

    /** A list of mappings, whose problems are named {@code field[i].child}. */
    public List<FieldReader> objects(String field) {
        JsonNode v = list(field);
        List<FieldReader> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                problem(field + "[" + i + "]", "must be a mapping");
            } else {
                out.add(child((ObjectNode) v.get(i), prefix + field + "[" + i + "]."));
            }
        }
        return out;
    }

    /** The field's list; an empty one when it is absent or (a problem) not a list. */
    private JsonNode list(String field) {
        JsonNode v = get(field, false);
        if (v != null && !v.isArray()) {
            problem(field, "must be a list");
        }
        return v == null || !v.isArray() ? YAML.createArrayNode() : v;
    }

    private FieldReader child(ObjectNode n, String childPrefix) {
        return new FieldReader(n, childPrefix, baseDir, what, source, problems);
    }

    /** Records every field of this mapping that no accessor asked for (a typo, most likely) as a problem. */
    public void rejectUnknown() {
        node.fieldNames().forEachRemaining(n -> {
            if (!known.contains(n)) {
                problem(n, "is not a known field (known: " + String.join(", ", known) + ")");
            }
        });
    }

    /** Every problem found so far, in the order found (shared by nested readers). */
    public List<ContextProblem> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** @throws InvalidFileException naming every problem, if there is one */
    public void failIfProblems() {
        if (!problems.isEmpty()) {
            throw new InvalidFileException(what, source, problems);
        }
    }

    /** What the file is ("project file"). */
    public String what() {
        return what;
    }

    /** Where it comes from (its path). */
    public String source() {
        return source;
    }
}
