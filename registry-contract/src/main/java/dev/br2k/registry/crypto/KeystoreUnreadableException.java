package dev.br2k.registry.crypto;

import dev.br2k.registry.RegistryException;

/** The keystore file is missing, unreadable, or not a V3 keystore, or one could not be written. */
public final class KeystoreUnreadableException extends RegistryException {

    public KeystoreUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
