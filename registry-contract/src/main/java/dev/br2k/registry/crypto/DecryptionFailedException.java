package dev.br2k.registry.crypto;

import dev.br2k.registry.RegistryException;

/**
 * An ECIES payload could not be decrypted: it was changed or truncated, or it was encrypted to
 * another account's key. Never retried: the same bytes fail the same way.
 */
public final class DecryptionFailedException extends RegistryException {

    public DecryptionFailedException(String message) {
        super(message);
    }

    public DecryptionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
