package dev.br2k.cluster.context;

import java.util.Objects;

/**
 * One thing wrong with a field of a context file (or another file read with {@link FieldReader}).
 *
 * @param field   the field, as a path: {@code port}, {@code imageRegistry.server}, {@code contexts[0].kind}
 * @param message what is wrong and what is expected, continuing the field's name: "is missing",
 *                "is 70000; expected between 1 and 65535"
 */
public record ContextProblem(String field, String message) {

    public ContextProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + " " + message;
    }
}
