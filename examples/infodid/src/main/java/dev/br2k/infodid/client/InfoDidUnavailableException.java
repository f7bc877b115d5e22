package dev.br2k.infodid.client;

/** No replica answered in time; the service may still have applied the request. */
public class InfoDidUnavailableException extends RuntimeException {
    public InfoDidUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
