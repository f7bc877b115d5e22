package dev.br2k.cluster;

/** Base of every error this module throws. The message says what failed and what to do about it. */
public class ClusterException extends RuntimeException {

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
