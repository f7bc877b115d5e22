package dev.br2k.cluster;

/**
 * A step of an operation failed. The steps before it are done; re-running the operation continues
 * from where it stopped.
 */
public final class OperationFailedException extends ClusterException {

    private final Operation operation;
    private final String step;

    public OperationFailedException(Operation operation, String step, String message, Throwable cause) {
        super(operation.displayName() + " failed at \"" + step + "\": " + message
                + ". The steps before it are done; run " + operation.displayName() + " again to continue.", cause);
        this.operation = operation;
        this.step = step;
    }

    public Operation operation() {
        return operation;
    }

    public String step() {
        return step;
    }
}
