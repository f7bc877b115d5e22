package dev.br2k.watch.task;

import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The one place background work runs. ViewModels submit {@link Work} here and get their callbacks on
 * the UI thread; the task list and the status bar show {@link #tasks()}. The JavaFX implementation is
 * {@link FxTaskExecutor}; tests use {@link InlineTaskExecutor}, which needs no toolkit.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Runs {@code work} in the background. {@code onSuccess} or {@code onFailure} runs on the UI thread
     * afterwards; a cancelled task calls neither.
     */
    <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread, soon. */
    void onUi(Runnable action);

    /** Runs {@code action} on the UI thread after {@code delay}, unless cancelled before. */
    Cancellable after(Duration delay, Runnable action);

    /** Runs {@code work} in the background every {@code period} (never twice at once) until cancelled. */
    Cancellable every(Duration period, String name, Runnable work);

    /** Running tasks and the most recent finished ones, newest last; changed on the UI thread only. */
    ObservableList<TaskInfo> tasks();

    /** Stops background threads; running work is interrupted. */
    @Override
    void close();

    /** Something that can be stopped; stopping twice is harmless. */
    @FunctionalInterface
    interface Cancellable {
        Cancellable NONE = () -> { };

        void cancel();
    }
}
