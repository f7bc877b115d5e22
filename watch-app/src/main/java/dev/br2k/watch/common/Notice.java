package dev.br2k.watch.common;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the operator should see now: a claim, a finished or failed operation.
 *
 * @param kind  how it is shown
 * @param title a few words
 * @param text  what happened and, for a failure, what to do
 * @param at    when
 */
public record Notice(Kind kind, String title, String text, Instant at) {

    public enum Kind { INFO, SUCCESS, WARNING, ERROR }

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }

    public static Notice of(Kind kind, String title, String text) {
        return new Notice(kind, title, text, Instant.now());
    }
}
