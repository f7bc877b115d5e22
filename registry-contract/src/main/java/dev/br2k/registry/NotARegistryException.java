package dev.br2k.registry;

/**
 * The address holds no contract, or a contract whose code is not this client's BR2K service
 * registry (compared by the hash of its runtime bytecode): a wrong address, or a different chain.
 */
public final class NotARegistryException extends RegistryException {

    public NotARegistryException(String message) {
        super(message, null);
    }
}
