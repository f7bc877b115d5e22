package dev.br2k.watch.logs;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.br2k.watch.common.OnePerPulse;
import dev.br2k.watch.shell.Icons;
import dev.br2k.watch.shell.Tips;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The log pane: a {@link LogView} (the rows in sight drawn on a canvas) over the bounded buffer, fed
 * on the animation pulse at most every {@link LogPaneViewModel#FLUSH_INTERVAL_NANOS} with at most
 * {@link LogPaneViewModel#MAX_ROWS_PER_FLUSH} rows, with follow, pause, filter, timestamps, previous
 * run, reconnect and download.
 */
public final class LogPaneView extends BorderPane {

    private final LogPaneViewModel vm;
    private final LogView list;
    private final AnimationTimer pump;
    private boolean composed; // the list and footer are in place: rows may be flushed into the list

    public LogPaneView(LogPaneViewModel vm) {
        this.vm = vm;
        getStyleClass().add("log-pane");

        Label target = new Label();
        target.setId("logTarget");
        target.getStyleClass().add(Styles.TEXT_BOLD);
        target.setGraphic(Icons.of(MaterialDesignF.FORMAT_LIST_TEXT));
        target.textProperty().bind(vm.targetProperty());

        ToggleButton follow = toggle("F_ollow", MaterialDesignA.ARROW_COLLAPSE_DOWN, "Keep the newest line in view (Alt+O; End in the log)");
        follow.setId("follow");
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        ToggleButton pause = toggle("Pa_use", MaterialDesignP.PAUSE, "Freeze the view; lines keep arriving in the background (up to the buffer's size) (Alt+U)");
        pause.setId("pause");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());
        ToggleButton timestamps = toggle("Time", MaterialDesignC.CLOCK_OUTLINE, "Show when each line was written");
        timestamps.setId("timestamps");
        timestamps.selectedProperty().bindBidirectional(vm.timestampsProperty());
        ToggleButton previous = toggle("Previous", MaterialDesignH.HISTORY, "The log of the replica's previous run (before its last restart)");
        previous.setId("previous");
        previous.selectedProperty().bindBidirectional(vm.previousProperty());
        previous.disableProperty().bind(vm.allReplicasProperty());

        ToggleButton etcd = toggle("etcd", MaterialDesignD.DATABASE_OUTLINE, "The log of the replica's etcd member instead of the service");
        etcd.setId("etcdLog");
        etcd.selectedProperty().bindBidirectional(vm.etcdProperty());

        CustomTextField filter = new CustomTextField();
        filter.setId("logFilter");
        filter.setPromptText("Filter lines (Ctrl+F)");
        filter.setLeft(Icons.of(MaterialDesignM.MAGNIFY));
        filter.setPrefWidth(170);
        filter.setMinWidth(100);
        filter.textProperty().bindBidirectional(vm.filterProperty());

        ChoiceBox<LogLevel> level = new ChoiceBox<>();
        level.setId("logLevel");
        level.getItems().addAll(LogLevel.NONE, LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR);
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(LogLevel l) {
                return l == null || l == LogLevel.NONE ? "All levels" : l == LogLevel.ERROR ? "ERROR" : l + "+";
            }

            @Override
            public LogLevel fromString(String s) {
                return LogLevel.NONE;
            }
        });
        level.valueProperty().bindBidirectional(vm.levelProperty());
        level.getStyleClass().add(Styles.SMALL);
        level.setPrefWidth(104);
        level.setAccessibleText("Lowest level shown");
        Tips.on(level, "Show only lines of this level and above: WARN+ hides INFO and DEBUG (Ctrl+L)");
        Button previousError = iconButton(MaterialDesignC.CHEVRON_UP, "Previous error (Shift+F8)");
        previousError.setId("previousError");
        previousError.setOnAction(e -> jumpToError(false));
        Button nextError = iconButton(MaterialDesignC.CHEVRON_DOWN, "Next error (F8)");
        nextError.setId("nextError");
        nextError.setOnAction(e -> jumpToError(true));

        Button reconnect = iconButton(MaterialDesignC.CONNECTION, "Reconnect the stream");
        reconnect.setId("reconnect");
        reconnect.setOnAction(e -> vm.reconnect());
        Button download = iconButton(MaterialDesignD.DOWNLOAD, "Save the lines shown to a file");
        download.setId("download");
        download.setOnAction(e -> download());

        target.setMinWidth(56); // the icon and the start of the name; the rest elides
        for (Control c : List.of(level, follow, pause, timestamps)) {
            c.setMinWidth(Region.USE_PREF_SIZE); // the filter, the target's name, Previous and etcd shrink first
        }
        HBox bar = new HBox(6, target, new Spacer(), filter, level, previousError, nextError, follow, pause, timestamps, previous, etcd, reconnect, download);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("log-toolbar");
        setTop(bar);

        list = new LogView(vm.visibleLines(), e -> e.render(vm.timestampsProperty().get(), vm.allReplicasProperty().get()),
                vm.followProperty());
        list.setId("logList");
        list.decorate(vm.timestampsProperty()::get, vm.allReplicasProperty()::get, vm::highlight);
        vm.filterProperty().addListener((o, was, now) -> list.repaint());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F8) {
                jumpToError(!e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.F && e.isShortcutDown()) {
                filter.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.L && e.isShortcutDown()) {
                level.requestFocus();
                level.show();
                e.consume();
            }
        });
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.statusProperty());
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(placeholder);

        Label status = new Label();
        status.setId("logStatus");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());
        Label count = new Label();
        count.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox foot = new HBox(8, status, new Spacer(), count);
        foot.setPadding(new Insets(2, 8, 2, 8));

        vm.timestampsProperty().addListener((o, was, now) -> list.repaint());
        vm.allReplicasProperty().addListener((o, was, now) -> list.repaint());

        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!composed || vm.flushIfDue(System.nanoTime()) < 0) {
                    return;
                }
                count.setText(vm.visibleLines().size() + " / " + vm.buffer().lines().size() + " lines"
                        + (vm.pausedProperty().get() && vm.buffer().pending() > 0 ? " · " + vm.buffer().pending() + " waiting" : ""));
            }
        };
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                pump.stop();
                return;
            }
            pump.start();
            if (getCenter() == null) {
                // Shown for the first time: the tool bar in this pulse, the list and the footer in the next
                // two, and the first rows in the one after, so that no pulse styles a part and fills it too.
                OnePerPulse.run(List.of(() -> setCenter(list), () -> setBottom(foot), () -> composed = true));
            }
        });
    }

    /** Selects the next (or previous) ERROR row shown, from the selected one, and scrolls to it. */
    private void jumpToError(boolean forward) {
        int at = list.selectedIndex();
        int from = at >= 0 ? at : forward ? -1 : vm.visibleLines().size();
        vm.nextError(from, forward).ifPresent(list::select);
    }

    private void download() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save log lines");
        chooser.setInitialFileName(vm.targetProperty().get().replace(' ', '-') + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            vm.saveTo(file.toPath());
        }
    }

    private static ToggleButton toggle(String text, Ikon ikon, String tip) {
        ToggleButton b = new ToggleButton(text, Icons.of(ikon));
        b.getStyleClass().add(Styles.SMALL);
        Tips.on(b, tip);
        return b;
    }

    private static Button iconButton(Ikon ikon, String tip) {
        Button b = new Button(null, Icons.of(ikon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        Tips.on(b, tip);
        return b;
    }

}
