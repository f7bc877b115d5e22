package dev.br2k.operations;

import java.util.Objects;

/**
 * The chain check refused the operation: <b>nothing was changed</b>, neither the cluster nor the
 * registry. The message names the reason and the fix.
 */
public final class OperationRefusedException extends OperationsException {
    private final Refusal refusal;
    private final String reason;
    private final String fix;

    public OperationRefusedException(String operation, Refusal refusal, String reason, String fix, Throwable cause) {
        super(operation + " was refused, nothing was changed: " + reason + ". " + fix, cause);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    public Refusal refusal() {
        return refusal;
    }

    /** Why, e.g. "the registry allows 1..3 replicas (its registered maximum)". */
    public String reason() {
        return reason;
    }

    /** What to do, a sentence. */
    public String fix() {
        return fix;
    }
}
