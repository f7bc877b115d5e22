package dev.br2k.replication;

/** The base of every exception the replication runtime throws. */
public class Br2kException extends RuntimeException {
    public Br2kException(String message) {
        super(message);
    }

    public Br2kException(String message, Throwable cause) {
        super(message, cause);
    }
}
