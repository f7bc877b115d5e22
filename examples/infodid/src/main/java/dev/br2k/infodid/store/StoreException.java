package dev.br2k.infodid.store;

/** The replica's InfoDID database cannot be opened, read or written. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
