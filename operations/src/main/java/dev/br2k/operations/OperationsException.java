package dev.br2k.operations;

/** Base of this module's exceptions; the message says what state things are in and what to do. */
public class OperationsException extends RuntimeException {
    public OperationsException(String message) {
        super(message);
    }

    public OperationsException(String message, Throwable cause) {
        super(message, cause);
    }
}
