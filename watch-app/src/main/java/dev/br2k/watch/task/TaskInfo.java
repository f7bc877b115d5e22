package dev.br2k.watch.task;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;
import java.util.Objects;

/** One entry of the task list. Its properties change on the UI thread only. */
public final class TaskInfo {

    private final String title;
    private final Instant started;
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final ObjectProperty<TaskState> state = new SimpleObjectProperty<>(TaskState.RUNNING);

    public TaskInfo(String title, Instant started) {
        this.title = Objects.requireNonNull(title, "title");
        this.started = Objects.requireNonNull(started, "started");
    }

    public String title() {
        return title;
    }

    public Instant started() {
        return started;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyObjectProperty<TaskState> stateProperty() {
        return state;
    }

    public TaskState state() {
        return state.get();
    }

    public String message() {
        return message.get();
    }

    void setMessage(String value) {
        message.set(value == null ? "" : value);
    }

    void setProgress(double value) {
        progress.set(value);
    }

    void setState(TaskState value) {
        state.set(value);
    }
}
