package dev.br2k.operations;

import dev.br2k.cluster.ClusterException;

/**
 * A step of the cluster change failed after the chain check passed: the steps before it stay done,
 * the registry was not changed. The message says both and that re-running the operation continues.
 */
public final class ClusterStepFailedException extends OperationsException {
    public ClusterStepFailedException(String message, ClusterException cause) {
        super(message, cause);
    }

    @Override
    public synchronized ClusterException getCause() {
        return (ClusterException) super.getCause();
    }
}
