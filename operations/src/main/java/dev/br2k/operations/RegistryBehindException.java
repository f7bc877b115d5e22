package dev.br2k.operations;

/**
 * The cluster changed but the registry did not follow (the transaction failed, or the check after it
 * found them apart). The message says what each holds and the one command that reconciles them.
 */
public final class RegistryBehindException extends OperationsException {
    private final int clusterReplicas;
    private final int registeredReplicas;

    public RegistryBehindException(String message, int clusterReplicas, int registeredReplicas, Throwable cause) {
        super(message, cause);
        this.clusterReplicas = clusterReplicas;
        this.registeredReplicas = registeredReplicas;
    }

    public int clusterReplicas() {
        return clusterReplicas;
    }

    public int registeredReplicas() {
        return registeredReplicas;
    }
}
