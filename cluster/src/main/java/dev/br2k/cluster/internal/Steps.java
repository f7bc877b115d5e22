package dev.br2k.cluster.internal;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationFailedException;
import dev.br2k.cluster.ProgressEvent;
import dev.br2k.cluster.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** Runs the steps of one operation, reports each to the listener and collects those that changed something. */
public final class Steps {

    private static final Logger LOG = LoggerFactory.getLogger(Steps.class);

    private final Operation operation;
    private final ProgressListener listener;
    private final List<String> changes = new ArrayList<>();

    public Steps(Operation operation, ProgressListener listener) {
        this.operation = operation;
        this.listener = listener;
    }

    /** A step's action: returns true when it changed something, false when all was already in place. */
    @FunctionalInterface
    public interface Action {
        boolean run() throws Exception;
    }

    /** Runs one step. A failure is reported and rethrown as {@link OperationFailedException}. */
    public boolean run(String step, Action action) {
        report(step, ProgressEvent.Status.STARTED, "");
        boolean changed;
        try {
            changed = action.run();
        } catch (OperationFailedException e) {
            report(step, ProgressEvent.Status.FAILED, e.getMessage());
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report(step, ProgressEvent.Status.FAILED, "interrupted");
            throw new OperationFailedException(operation, step, "interrupted", e);
        } catch (Exception e) {
            String message = e instanceof ClusterException ? e.getMessage() : e.toString();
            report(step, ProgressEvent.Status.FAILED, message);
            throw new OperationFailedException(operation, step, message, e);
        }
        if (changed) {
            changes.add(step);
            report(step, ProgressEvent.Status.DONE, step);
        } else {
            report(step, ProgressEvent.Status.SKIPPED, "already in place");
        }
        return changed;
    }

    public List<String> changes() {
        return List.copyOf(changes);
    }

    public Operation operation() {
        return operation;
    }

    private void report(String step, ProgressEvent.Status status, String detail) {
        LOG.info("{} {}: {} {}", operation.displayName(), status.name().toLowerCase(), step, detail);
        try {
            listener.onProgress(ProgressEvent.of(operation, step, status, detail));
        } catch (RuntimeException e) {
            LOG.warn("Progress listener failed on {} {}", step, status, e);
        }
    }
}
