package dev.br2k.registry;

/**
 * The node serves another chain than the one the registry was recorded on (a profile's or a
 * context's chain id): the RPC URL points elsewhere, or the chain was re-created.
 */
public final class ChainMismatchException extends RegistryException {

    private final long expectedChainId;
    private final long actualChainId;

    public ChainMismatchException(String message, long expectedChainId, long actualChainId) {
        super(message, null);
        this.expectedChainId = expectedChainId;
        this.actualChainId = actualChainId;
    }

    public long expectedChainId() {
        return expectedChainId;
    }

    public long actualChainId() {
        return actualChainId;
    }
}
