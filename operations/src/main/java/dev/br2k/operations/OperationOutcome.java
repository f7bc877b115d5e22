package dev.br2k.operations;

import dev.br2k.cluster.OperationResult;
import dev.br2k.registry.RegistryReceipt;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an operation did.
 *
 * @param cluster    what the cluster change did (empty for a registry-only sync)
 * @param replicas   replicas the cluster is meant to have now
 * @param registeredBefore the registered replica count before, empty without a registry
 * @param transaction the registry transaction sent, empty when none was needed or no registry is used
 */
public record OperationOutcome(Optional<OperationResult> cluster, int replicas, OptionalInt registeredBefore,
                               Optional<RegistryReceipt> transaction) {
    public OperationOutcome {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(registeredBefore, "registeredBefore");
        Objects.requireNonNull(transaction, "transaction");
    }
}
