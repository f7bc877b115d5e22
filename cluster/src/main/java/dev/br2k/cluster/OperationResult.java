package dev.br2k.cluster;

import java.util.List;
import java.util.Objects;

/**
 * What an operation did.
 *
 * @param operation the operation
 * @param replicasBefore replicas the service was meant to have before
 * @param replicasAfter  replicas it is meant to have now
 * @param changes  the steps that changed something, in order; empty when everything was already in place
 */
public record OperationResult(Operation operation, int replicasBefore, int replicasAfter, List<String> changes) {

    public OperationResult {
        Objects.requireNonNull(operation, "operation");
        changes = List.copyOf(changes);
    }

    public static OperationResult of(Operation operation, int before, int after, List<String> changes) {
        return new OperationResult(operation, before, after, changes);
    }

    /** True when the operation found everything in place and did nothing. */
    public boolean unchanged() {
        return changes.isEmpty();
    }
}
