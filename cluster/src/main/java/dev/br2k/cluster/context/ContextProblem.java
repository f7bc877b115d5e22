package dev.br2k.cluster.context;

import java.util.Objects;

/**
 * One thing wrong with a context file.
 *
 * @param field   the field, as a path: {@code port}, {@code imageRegistry.server}, {@code nodeLabels}
 * @param message what is wrong and what is expected
 */
public record ContextProblem(String field, String message) {

    public ContextProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
