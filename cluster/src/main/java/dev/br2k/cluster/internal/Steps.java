package dev.br2k.cluster.internal;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationFailedException;
import dev.br2k.cluster.ProgressEvent;
import dev.br2k.cluster.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
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

    /** A step's action that says what it did ({@link StepOutcome}). */
    @FunctionalInterface
    public interface DetailedAction {
        StepOutcome run() throws Exception;
    }

    /** Runs one step. A failure is reported and rethrown as {@link OperationFailedException}. */
    public boolean run(String step, Action action) {
        return step(step, () -> action.run() ? StepOutcome.changed("") : StepOutcome.alreadyInPlace()).kind()
                == StepOutcome.Kind.CHANGED;
    }

    /** Runs a step that waits for a condition: reported done with the time it took, not as a change. */
    public void await(String step, Action wait) {
        long started = System.nanoTime();
        step(step, () -> {
            wait.run();
            return StepOutcome.waited(Duration.ofNanos(System.nanoTime() - started));
        });
    }

    /** Runs one step that says what it did. A failure is reported and rethrown as {@link OperationFailedException}. */
    public StepOutcome step(String step, DetailedAction action) {
        report(step, ProgressEvent.Status.STARTED, "");
        StepOutcome outcome;
        try {
            outcome = action.run();
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
        switch (outcome.kind()) {
            case CHANGED -> {
                changes.add(step);
                report(step, ProgressEvent.Status.DONE, outcome.detail());
            }
            case WAITED -> report(step, ProgressEvent.Status.DONE, outcome.detail());
            case ALREADY_IN_PLACE -> report(step, ProgressEvent.Status.SKIPPED, outcome.detail());
            default -> throw new IllegalStateException("unknown outcome " + outcome.kind());
        }
        return outcome;
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
