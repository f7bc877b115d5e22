package dev.br2k.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of an operation, reported when it starts and when it ends.
 *
 * @param operation the operation the step belongs to
 * @param step      a short stable name of the step, e.g. {@code "etcd member add infodid-3"}
 * @param status    started, done, skipped (already in place) or failed
 * @param detail    what happened, for people
 * @param at        when
 */
public record ProgressEvent(Operation operation, String step, Status status, String detail, Instant at) {

    public enum Status { STARTED, DONE, SKIPPED, FAILED }

    public ProgressEvent {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }

    public static ProgressEvent of(Operation operation, String step, Status status, String detail) {
        return new ProgressEvent(operation, step, status, detail, Instant.now());
    }
}
