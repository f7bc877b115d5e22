package dev.br2k.registry;

import java.util.Optional;

/**
 * A transaction could not be sent or was not mined as expected for a reason other than a refusal by
 * the contract: the account cannot pay for gas, the nonce was taken, or no receipt arrived in time.
 * {@link #transactionHash()} is present when the transaction reached the node.
 */
public final class RegistryTransactionException extends RegistryException {

    private final String transactionHash;

    public RegistryTransactionException(String message, String transactionHash) {
        super(message);
        this.transactionHash = transactionHash;
    }

    public RegistryTransactionException(String message, Throwable cause) {
        super(message, cause);
        this.transactionHash = null;
    }

    public Optional<String> transactionHash() {
        return Optional.ofNullable(transactionHash);
    }
}
