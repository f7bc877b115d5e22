package dev.br2k.protocol;

/**
 * A value read from etcd or from {@code /br2k/status} that is not what the protocol writes: a missing or unknown
 * field, a wrong type, a malformed key or number. The message names the key or field, so a reader can tell a
 * replica of another BR2K version (upgrade both sides together) from damaged data.
 */
public class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }
}
