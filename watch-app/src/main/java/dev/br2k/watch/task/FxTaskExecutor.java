package dev.br2k.watch.task;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The application's {@link TaskExecutor}: each submitted {@link Work} runs as a
 * {@link javafx.concurrent.Task} on a small pool of daemon threads, and its message, progress and
 * result reach the UI thread through the Task's own machinery.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private static final int KEEP_FINISHED = 20;

    private final ExecutorService workers = Executors.newFixedThreadPool(4, daemon("br2k-watch-task"));
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, daemon("br2k-watch-timer"));
    private final ObservableList<TaskInfo> tasks = FXCollections.observableArrayList();

    @Override
    public <T> TaskHandle submit(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        TaskInfo info = new TaskInfo(title, Instant.now());
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                Task<T> self = this;
                return work.run(new TaskContext() {
                    @Override
                    public void message(String message) {
                        updateMessage(message);
                    }

                    @Override
                    public void progress(double fraction) {
                        if (fraction < 0) {
                            updateProgress(-1, 1);
                        } else {
                            updateProgress(Math.min(1, fraction), 1);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }
        };
        onUi(() -> {
            info.setMessage("Starting");
            task.messageProperty().addListener((o, was, now) -> info.setMessage(now));
            task.progressProperty().addListener((o, was, now) -> info.setProgress(now.doubleValue()));
            tasks.add(info);
        });
        task.setOnSucceeded(e -> {
            info.setState(TaskState.SUCCEEDED);
            info.setMessage("Done");
            trim();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            if (error instanceof dev.br2k.registry.RegistryException || error instanceof dev.br2k.cluster.ClusterException) {
                LOG.info("{} failed: {}", title, error.getMessage());
                LOG.debug("{} failed", title, error);
            } else {
                LOG.warn("{} failed", title, error);
            }
            info.setState(TaskState.FAILED);
            info.setMessage(String.valueOf(error.getMessage()));
            trim();
            onFailure.accept(error);
        });
        task.setOnCancelled(e -> {
            info.setState(TaskState.CANCELLED);
            info.setMessage("Cancelled");
            trim();
        });
        workers.execute(task);
        return new TaskHandle() {
            @Override
            public TaskInfo info() {
                return info;
            }

            @Override
            public void cancel() {
                task.cancel(true);
            }
        };
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public Cancellable after(Duration delay, Runnable action) {
        ScheduledFuture<?> future = timers.schedule(() -> Platform.runLater(action), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Cancellable every(Duration period, String name, Runnable work) {
        ScheduledFuture<?> future = timers.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.debug("{} failed this round", name, e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public ObservableList<TaskInfo> tasks() {
        return tasks;
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timers.shutdownNow();
    }

    private void trim() {
        long finished = tasks.stream().filter(t -> t.state().finished()).count();
        for (int i = 0; i < tasks.size() && finished > KEEP_FINISHED; ) {
            if (tasks.get(i).state().finished()) {
                tasks.remove(i);
                finished--;
            } else {
                i++;
            }
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
