package dev.br2k.replication.internal.log;

import dev.br2k.replication.Br2kException;

/** An etcd call failed or timed out; the outcome of a write is unknown. */
public final class EtcdCallFailedException extends Br2kException {
    public EtcdCallFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
