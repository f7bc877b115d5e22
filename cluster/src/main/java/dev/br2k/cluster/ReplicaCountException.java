package dev.br2k.cluster;

/** An add or reduce would leave the service outside [1, maximum replicas]. */
public final class ReplicaCountException extends ClusterException {

    public ReplicaCountException(String message) {
        super(message);
    }
}
