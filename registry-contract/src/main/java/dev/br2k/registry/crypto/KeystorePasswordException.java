package dev.br2k.registry.crypto;

import dev.br2k.registry.RegistryException;

/** The keystore file was read, but the password does not open it. */
public final class KeystorePasswordException extends RegistryException {

    public KeystorePasswordException(String message, Throwable cause) {
        super(message, cause);
    }
}
