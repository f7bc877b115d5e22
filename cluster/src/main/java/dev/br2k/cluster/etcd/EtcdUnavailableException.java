package dev.br2k.cluster.etcd;

import dev.br2k.cluster.ClusterException;

/** No etcd member of the service answered, or the one that did refused the request. */
public final class EtcdUnavailableException extends ClusterException {

    public EtcdUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
