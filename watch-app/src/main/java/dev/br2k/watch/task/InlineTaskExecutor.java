package dev.br2k.watch.task;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} for ViewModel tests and benchmarks: work runs at once on the calling
 * thread, the "UI thread" is the calling thread, and delayed actions wait until
 * {@link #runDelayed()}. It needs no JavaFX toolkit.
 */
public final class InlineTaskExecutor implements TaskExecutor {

    private final ObservableList<TaskInfo> tasks = FXCollections.observableArrayList();
    private final List<Runnable> delayed = new ArrayList<>();

    @Override
    public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        TaskInfo info = new TaskInfo(title, Instant.now());
        tasks.add(info);
        boolean[] cancelled = {false};
        TaskHandle handle = new TaskHandle() {
            @Override
            public TaskInfo info() {
                return info;
            }

            @Override
            public void cancel() {
                cancelled[0] = true;
            }
        };
        T result;
        try {
            result = work.run(new TaskContext() {
                @Override
                public void message(String message) {
                    info.setMessage(message);
                }

                @Override
                public void progress(double fraction) {
                    info.setProgress(fraction);
                }

                @Override
                public boolean isCancelled() {
                    return cancelled[0];
                }
            });
        } catch (Exception e) {
            info.setState(TaskState.FAILED);
            info.setMessage(String.valueOf(e.getMessage()));
            onFailure.accept(e);
            return handle;
        }
        info.setState(TaskState.SUCCEEDED);
        onSuccess.accept(result);
        return handle;
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    @Override
    public Cancellable after(Duration delay, Runnable action) {
        delayed.add(action);
        return () -> delayed.remove(action);
    }

    @Override
    public Cancellable every(Duration period, String name, Runnable work) {
        return Cancellable.NONE;
    }

    /** Runs the delayed actions that were not cancelled; returns how many ran. */
    public int runDelayed() {
        List<Runnable> due = new ArrayList<>(delayed);
        delayed.clear();
        due.forEach(Runnable::run);
        return due.size();
    }

    /** Delayed actions waiting. */
    public int pendingDelayed() {
        return delayed.size();
    }

    @Override
    public ObservableList<TaskInfo> tasks() {
        return tasks;
    }

    @Override
    public void close() {
    }
}
