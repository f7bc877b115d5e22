package dev.br2k.cluster.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What one step of an operation did, in a few words for the operator: {@link #changed(String)} (it
 * started, created or removed something), {@link #waited(Duration)} (it waited for something that
 * then held; nothing changed), or {@link #alreadyInPlace()}.
 *
 * @param detail what was done ({@code pid 7078, client port 15808}); empty when the step's name says it all
 */
public record StepOutcome(Kind kind, String detail) {
    /** How a step ended. */
    public enum Kind { CHANGED, WAITED, ALREADY_IN_PLACE }

    public StepOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    public static StepOutcome changed(String detail) {
        return new StepOutcome(Kind.CHANGED, detail);
    }

    public static StepOutcome waited(Duration waited) {
        return new StepOutcome(Kind.WAITED, String.format(Locale.ROOT, "after %.1f s", waited.toMillis() / 1000.0));
    }

    public static StepOutcome alreadyInPlace() {
        return new StepOutcome(Kind.ALREADY_IN_PLACE, "already in place");
    }
}
