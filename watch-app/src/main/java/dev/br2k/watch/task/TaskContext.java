package dev.br2k.watch.task;

/** What running {@link Work} can tell the task list. Callable from any thread. */
public interface TaskContext {

    /** A line for people: the step that runs now. */
    void message(String message);

    /** Progress in [0, 1]; a negative value means "unknown" (an indeterminate bar). */
    void progress(double fraction);

    /** True once the user cancelled the task; long work should stop early. */
    boolean isCancelled();
}
