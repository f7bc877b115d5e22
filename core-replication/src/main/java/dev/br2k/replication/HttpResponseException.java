package dev.br2k.replication;

/**
 * Thrown by a handler to answer with an HTTP error status; the client gets
 * {@code {"error": message, "status": status}}.
 */
public class HttpResponseException extends Br2kException {
    private final int status;

    public HttpResponseException(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be a 4xx or 5xx code, was " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }
}
