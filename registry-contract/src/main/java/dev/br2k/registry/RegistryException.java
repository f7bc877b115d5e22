package dev.br2k.registry;

/**
 * The base of every failure this module reports: unchecked, with a message that says what failed
 * and what to do. Catch a subclass to react to one cause, this type to react to all of them.
 */
public class RegistryException extends RuntimeException {

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
