package dev.br2k.registry;

import java.util.Objects;

/**
 * A mined registry transaction.
 *
 * @param transactionHash the transaction's hash
 * @param blockNumber     the block it was mined in
 * @param gasUsed         the gas it used
 */
public record RegistryReceipt(String transactionHash, long blockNumber, long gasUsed) {

    public RegistryReceipt {
        Objects.requireNonNull(transactionHash, "transactionHash");
    }
}
