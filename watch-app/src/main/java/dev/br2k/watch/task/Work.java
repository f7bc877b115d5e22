package dev.br2k.watch.task;

/** Background work; it may report progress through its {@link TaskContext} and may throw. */
@FunctionalInterface
public interface Work<T> {

    T run(TaskContext context) throws Exception;
}
