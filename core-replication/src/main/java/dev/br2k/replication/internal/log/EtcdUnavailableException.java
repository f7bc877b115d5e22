package dev.br2k.replication.internal.log;

import dev.br2k.replication.Br2kException;

/** An etcd call failed or timed out; the outcome of a write is unknown. */
public final class EtcdUnavailableException extends Br2kException {
    public EtcdUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
