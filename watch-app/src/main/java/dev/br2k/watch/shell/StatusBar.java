package dev.br2k.watch.shell;

import atlantafx.base.controls.Popover;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.br2k.watch.task.TaskExecutor;
import dev.br2k.watch.task.TaskInfo;
import dev.br2k.watch.task.TaskState;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The bottom bar: the newest running task with its step and progress, and a button that opens the
 * task list (running and recent tasks, with their last message).
 */
public final class StatusBar extends HBox {

    private final Label current = new Label("Ready");
    private final ProgressBar progress = new ProgressBar();
    private final Button tasksButton = new Button();

    public StatusBar(TaskExecutor executor) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(4, 12, 4, 12));
        current.setId("currentTask");
        current.getStyleClass().add(Styles.TEXT_SMALL);
        progress.setPrefWidth(140);
        progress.getStyleClass().add(Styles.SMALL);
        progress.setVisible(false);
        tasksButton.setId("tasksButton");
        tasksButton.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        tasksButton.setGraphic(Icons.of(MaterialDesignF.FORMAT_LIST_CHECKS));

        ListView<TaskInfo> list = new ListView<>(executor.tasks());
        list.setId("taskList");
        list.setPrefSize(460, 260);
        list.setPlaceholder(new Label("No tasks yet."));
        list.setCellFactory(v -> new TaskCell());
        Popover popover = new Popover(new VBox(list));
        popover.setTitle("Tasks");
        popover.setArrowLocation(Popover.ArrowLocation.BOTTOM_RIGHT);
        tasksButton.setOnAction(e -> {
            if (popover.isShowing()) {
                popover.hide();
            } else {
                popover.show(tasksButton);
            }
        });
        getChildren().addAll(current, progress, new Spacer(), tasksButton);

        executor.tasks().addListener((ListChangeListener<TaskInfo>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(t -> t.stateProperty().addListener((o, was, now) -> refresh(executor)));
            }
            refresh(executor);
        });
        refresh(executor);
    }

    private void refresh(TaskExecutor executor) {
        long running = executor.tasks().stream().filter(t -> t.state() == TaskState.RUNNING).count();
        tasksButton.setText(running == 0 ? "Tasks" : "Tasks (" + running + " running)");
        TaskInfo newest = null;
        for (TaskInfo t : executor.tasks()) {
            if (t.state() == TaskState.RUNNING) {
                newest = t;
            }
        }
        current.textProperty().unbind();
        progress.progressProperty().unbind();
        if (newest == null) {
            TaskInfo last = executor.tasks().isEmpty() ? null : executor.tasks().get(executor.tasks().size() - 1);
            current.setText(last == null ? "Ready"
                    : last.state() == TaskState.FAILED ? "Failed: " + last.title() + " — " + last.message()
                    : "Ready · last: " + last.title());
            current.setGraphic(last != null && last.state() == TaskState.FAILED ? Icons.of(MaterialDesignA.ALERT_CIRCLE_OUTLINE) : null);
            progress.setVisible(false);
        } else {
            TaskInfo t = newest;
            current.setGraphic(Icons.of(MaterialDesignP.PROGRESS_CLOCK));
            current.textProperty().bind(Bindings.concat(t.title(), " — ", t.messageProperty()));
            progress.progressProperty().bind(t.progressProperty());
            progress.setVisible(true);
        }
    }

    private static final class TaskCell extends ListCell<TaskInfo> {
        @Override
        protected void updateItem(TaskInfo item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            textProperty().bind(Bindings.concat(item.title(), "\n", item.messageProperty()));
            setGraphic(Icons.of(switch (item.state()) {
                case RUNNING -> MaterialDesignP.PROGRESS_CLOCK;
                case SUCCEEDED -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
                case FAILED -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
                case CANCELLED -> MaterialDesignC.CLOSE_CIRCLE_OUTLINE;
            }));
        }
    }
}
