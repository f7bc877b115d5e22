package dev.br2k.watch.service;

import dev.br2k.cluster.ProgressEvent;

import java.util.Objects;

/**
 * One step of a running or finished operation, as the service page lists it.
 *
 * @param step   the step's name, e.g. "etcd member add kv-3"
 * @param status started, done, skipped or failed
 * @param detail what happened
 */
public record StepRow(String step, ProgressEvent.Status status, String detail) {

    public StepRow {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }
}
