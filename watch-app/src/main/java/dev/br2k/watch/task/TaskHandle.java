package dev.br2k.watch.task;

/** A submitted task. */
public interface TaskHandle {

    TaskInfo info();

    /** Asks the task to stop; its callbacks are not called afterwards. */
    void cancel();
}
