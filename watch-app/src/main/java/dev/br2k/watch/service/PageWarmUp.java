package dev.br2k.watch.service;

import dev.br2k.watch.logs.LogPaneView;
import dev.br2k.watch.logs.LogPaneViewModel;
import dev.br2k.watch.logs.LogSource;
import dev.br2k.watch.replication.ReplicationChartsView;
import dev.br2k.watch.replication.ReplicationChartsViewModel;
import dev.br2k.watch.task.TaskExecutor;
import dev.br2k.watch.task.TaskHandle;
import javafx.collections.FXCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a service page's heaviest parts once (the log pane, the charts, the replica grid), in the background and never shown, while the operator looks
 * at the dashboard. In a fresh JVM the first {@link LogPaneView} took 35-60 ms of the UI thread to make,
 * nearly all of it loading classes (ChoiceBox, ToggleButton, the log view) and linking the constructors'
 * lambdas, once per JVM; the first page opening then froze a frame for 110-160 ms, the second for 80 ms.
 * Made here first, the page's own parts find that work done. JavaFX allows nodes to be made on any thread
 * until they are attached to a shown scene; these never are.
 */
public final class PageWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(PageWarmUp.class);

    private PageWarmUp() {
    }

    /** Submits the warm-up to {@code executor}; it takes about 0.1 s of one background thread. */
    public static TaskHandle start(TaskExecutor executor) {
        return executor.submit("Preparing the service page", context -> {
            LogSource none = (replica, options, listener) -> {
                throw new IllegalStateException("the warm-up's log pane opens no log");
            };
            new LogPaneView(new LogPaneViewModel(executor, none, 16));
            new ReplicationChartsView(new ReplicationChartsViewModel());
            new ReplicaGrid(FXCollections.observableArrayList());
            return null;
        }, done -> { }, failed -> LOG.warn("preparing the service page in the background failed (the first page may open "
                + "more slowly; nothing else is affected): {}", failed.toString()));
    }
}
