package dev.br2k.watch.task;

/** Where a task is. */
public enum TaskState {
    RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() {
        return this != RUNNING;
    }
}
