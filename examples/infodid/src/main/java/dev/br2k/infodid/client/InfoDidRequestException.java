package dev.br2k.infodid.client;

/** The service refused the request; {@link #status()} is the HTTP status, the message the service's reason. */
public class InfoDidRequestException extends RuntimeException {
    private final int status;

    public InfoDidRequestException(int status, String message) {
        super("InfoDID refused the request (" + status + "): " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
