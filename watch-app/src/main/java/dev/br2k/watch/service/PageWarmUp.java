package dev.br2k.watch.service;

import dev.br2k.watch.common.OnePerPulse;
import dev.br2k.watch.logs.LogPaneView;
import dev.br2k.watch.logs.LogPaneViewModel;
import dev.br2k.watch.logs.LogSource;
import dev.br2k.watch.replication.ReplicationChartsView;
import dev.br2k.watch.replication.ReplicationChartsViewModel;
import dev.br2k.watch.task.TaskExecutor;
import dev.br2k.watch.task.TaskHandle;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds a service page's heaviest parts once (the log pane, the charts, the replica grid) while the operator
 * looks at the dashboard, and never shows them. In a fresh JVM the first {@link LogPaneView} took 35-60 ms of
 * the UI thread to make, nearly all of it loading classes (ChoiceBox, ToggleButton, the log view) and linking
 * the constructors' lambdas; and the first styling, layout and drawing of each part ran cold (interpreted
 * code, empty glyph caches), so the first page opening froze a frame for 110-160 ms, the second for 80 ms.
 *
 * <p>The parts are made on the task executor's background thread (JavaFX allows nodes to be made on any
 * thread until they are attached to a shown scene), then styled, laid out and drawn into an off-screen
 * snapshot on the UI thread, one part per pulse so that no pulse of the dashboard does much, and detached
 * again. The page's own parts then find that work done.
 */
public final class PageWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(PageWarmUp.class);
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private PageWarmUp() {
    }

    /**
     * Submits the warm-up to {@code executor}: about 0.1 s of one background thread, then one off-screen drawing
     * per part, a pulse apart. {@code stylesheets} are the window's own, so that the parts are styled as the page's
     * will be; {@code done} runs on the UI thread when the last part has been drawn and detached.
     */
    public static TaskHandle start(TaskExecutor executor, List<String> stylesheets, Runnable done) {
        List<String> sheets = List.copyOf(stylesheets);
        return executor.submit("Preparing the service page", context -> {
            LogSource none = (replica, options, listener) -> {
                throw new IllegalStateException("the warm-up's log pane opens no log");
            };
            List<Parent> parts = new ArrayList<>();
            parts.add(new ReplicaGrid(FXCollections.observableArrayList()));
            parts.add(new ReplicationChartsView(new ReplicationChartsViewModel()));
            parts.add(new LogPaneView(new LogPaneViewModel(executor, none, 16)));
            return List.copyOf(parts);
        }, parts -> drawOffScreen(parts, sheets, done), failed -> LOG.warn("preparing the service page in the background "
                + "failed (the first page may open more slowly; nothing else is affected): {}", failed.toString()));
    }

    /**
     * Draws each part alone in an off-screen scene, one per pulse. The log pane attaches its list and footer over
     * the pulses after it joins a scene, so it is drawn once more three pulses later, then every part is detached
     * (the log pane stops its timer when it leaves the scene).
     */
    private static void drawOffScreen(List<Parent> parts, List<String> stylesheets, Runnable done) {
        StackPane root = new StackPane();
        root.getStylesheets().setAll(stylesheets);
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        Consumer<Parent> draw = part -> {
            root.getChildren().setAll(part);
            scene.snapshot(null);
        };
        List<Runnable> steps = new ArrayList<>();
        parts.forEach(part -> steps.add(() -> draw.accept(part)));
        Parent last = parts.get(parts.size() - 1);
        steps.add(() -> { });
        steps.add(() -> { });
        steps.add(() -> draw.accept(last));
        steps.add(() -> {
            root.getChildren().clear();
            done.run();
        });
        OnePerPulse.run(steps);
    }
}
