package dev.br2k.registry;

import java.util.Objects;

/** The result of {@link RegistryClient#register}: the new service's id and the transaction. */
public record Registered(ServiceId id, RegistryReceipt receipt) {

    public Registered {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(receipt, "receipt");
    }
}
