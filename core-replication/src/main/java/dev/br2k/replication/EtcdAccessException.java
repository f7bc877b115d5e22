package dev.br2k.replication;

/**
 * The replica cannot use the etcd credentials it was given: a CA, certificate or key file that is missing,
 * unreadable or not PEM, a key that does not belong to its certificate, a server certificate the CA does not
 * vouch for, or a user and password etcd refuses. The message names the setting and says what to change.
 */
public class EtcdAccessException extends Br2kException {
    public EtcdAccessException(String message) {
        super(message);
    }

    public EtcdAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
