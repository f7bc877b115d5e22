package dev.br2k.registry;

/**
 * The Ethereum node did not answer (wrong RPC URL, node down, network). Nothing was changed by the
 * failed call itself, but a transaction sent just before the connection broke may still be mined:
 * read the state again before retrying a write.
 */
public final class RegistryUnavailableException extends RegistryException {

    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
