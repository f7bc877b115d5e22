package dev.br2k.watch.service;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.br2k.cluster.ProgressEvent;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.common.OnePerPulse;
import dev.br2k.watch.dashboard.ClaimItem;
import dev.br2k.watch.dashboard.HealthBadge;
import dev.br2k.watch.dashboard.ServiceItem;
import dev.br2k.watch.logs.LogPaneView;
import dev.br2k.watch.replication.ReplicationChartsView;
import dev.br2k.watch.shell.Icons;
import dev.br2k.watch.shell.Tips;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

import java.util.List;
import java.util.function.Supplier;

/** A service's page: header with health, scaling and recovery, replica table, log pane, steps and claims. */
public final class ServicePageView extends BorderPane {

    /** Made in the pulse after the page opens. */
    private ReplicaGrid replicas;

    public ServicePageView(ServicePageViewModel vm, Runnable back) {
        getStyleClass().add("service-page");
        // Long texts (a failure's detail, a hint) must shrink, not push RECOVERY out of the window.
        setMinSize(0, 0);
        setPadding(new Insets(12, 16, 12, 16));
        ServiceItem item = vm.item();

        Button backButton = new Button(null, Icons.of(MaterialDesignA.ARROW_LEFT));
        backButton.setId("back");
        backButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Tips.on(backButton, "Back to the services (Alt+Left)");
        backButton.setOnAction(e -> back.run());
        Label name = new Label();
        name.setId("serviceName");
        name.textProperty().bind(item.nameProperty());
        name.getStyleClass().add(Styles.TITLE_3);
        HealthBadge badge = new HealthBadge(item.health());
        badge.setId("health");
        ChangeListener<Health> showHealth = (o, was, now) -> badge.show(now);
        badge.getProperties().put(ChangeListener.class, showHealth); // the item outlives the page: it holds the listener weakly
        item.healthProperty().addListener(new WeakChangeListener<>(showHealth));
        Label runState = new Label();
        runState.textProperty().bind(Bindings.concat("registry: ", item.runStateProperty().asString()));
        runState.getStyleClass().add(Styles.TEXT_MUTED);
        Label location = new Label();
        location.setId("serviceLocation");
        location.setGraphic(Icons.of(MaterialDesignW.WEB));
        location.textProperty().bind(Bindings.when(item.locationProperty().isEmpty()).then("no location published")
                .otherwise(item.locationProperty()));
        Label backup = new Label();
        backup.setGraphic(Icons.of(MaterialDesignB.BACKUP_RESTORE));
        backup.textProperty().bind(Bindings.concat("last backup ", item.lastBackupProperty()));
        Label description = new Label();
        description.textProperty().bind(item.descriptionProperty());
        description.getStyleClass().add(Styles.TEXT_MUTED);
        HBox titleRow = new HBox(12, backButton, name, badge, runState, new Spacer(), location, backup);
        titleRow.setAlignment(Pos.CENTER_LEFT);

        Label count = new Label();
        count.setId("replicaCount");
        count.textProperty().bind(vm.countTextProperty());
        count.getStyleClass().addAll(Styles.TITLE_4, "replica-count");
        Label countLabel = new Label("Replicas (registered / maximum)");
        countLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Button reduce = new Button("_REDUCE", Icons.of(MaterialDesignM.MINUS));
        reduce.setId("reduce");
        reduce.disableProperty().bind(vm.canReduceProperty().not());
        reduce.setOnAction(e -> vm.reduce());
        Tips.on(reduce, "Remove the highest replica: its etcd member first, then its processes; then update the registry (Alt+R)");
        Button add = new Button("_ADD", Icons.of(MaterialDesignP.PLUS));
        add.setId("add");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(vm.canAddProperty().not());
        add.setOnAction(e -> vm.add());
        Tips.on(add, "Add a replica: etcd member add first, then start it; then update the registry (Alt+A)");
        Button recover = new Button("RE_COVERY", Icons.of(MaterialDesignL.LIFEBUOY));
        recover.setId("recover");
        recover.getStyleClass().add(Styles.DANGER);
        recover.disableProperty().bind(vm.canRecoverProperty().not());
        recover.setOnAction(e -> vm.recover());
        Tips.on(recover, "Replace failed replicas; they rejoin and restore as Learners. Enabled only while replication is faulty (Alt+C).");
        Label hint = new Label();
        hint.setId("scaleHint");
        hint.textProperty().bind(vm.scaleHintProperty());
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setMinWidth(0);
        HBox.setHgrow(hint, Priority.SOMETIMES);
        countLabel.setMinWidth(Label.USE_PREF_SIZE);
        recover.setMinWidth(Button.USE_PREF_SIZE);
        HBox actions = new HBox(10, countLabel, count, reduce, add, hint, new Spacer(), recover);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.getStyleClass().add("action-bar");
        actions.setPadding(new Insets(8, 12, 8, 12));

        // The messages below are made the first time they are needed: a page that never shows them
        // does not style and lay them out when it opens.
        Region pendingRow = madeWhen(vm.activityProperty().isEqualTo(ServicePageViewModel.Activity.PENDING), () -> {
            Button cancel = new Button("Cancel", Icons.of(MaterialDesignC.CLOSE));
            cancel.setId("cancelPending");
            cancel.setOnAction(e -> vm.cancelPending());
            cancel.getStyleClass().add(Styles.LARGE);
            Message pending = new Message("About to change the replicas", "", Icons.of(MaterialDesignT.TIMER_SAND));
            pending.setId("pending");
            pending.getStyleClass().add(Styles.ACCENT);
            pending.descriptionProperty().bind(vm.pendingMessageProperty());
            pending.setMinWidth(0);
            pending.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(8, pending, cancel);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(pending, Priority.ALWAYS);
            return row;
        });
        Region problems = madeWhen(item.healthProperty().isEqualTo(Health.FAULTY), () -> {
            Message message = new Message("Replication is faulty", "", Icons.of(MaterialDesignA.ALERT_OUTLINE));
            message.setId("problems");
            message.getStyleClass().add(Styles.WARNING);
            Runnable showProblems = () -> message.setDescription(String.join("\n", item.problems())
                    + (item.problems().isEmpty() ? "" : "\nPress RECOVERY to replace the failed replicas."));
            // The item outlives the page: it holds the listener weakly, the message strongly.
            ListChangeListener<String> onChange = c -> showProblems.run();
            message.getProperties().put(ListChangeListener.class, onChange);
            item.problems().addListener(new WeakListChangeListener<>(onChange));
            showProblems.run();
            return message;
        });
        Region error = madeWhen(vm.errorProperty().isNotEmpty(), () -> {
            Message message = new Message("Operation failed", "", Icons.of(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
            message.setId("operationError");
            message.getStyleClass().add(Styles.DANGER);
            message.descriptionProperty().bind(vm.errorProperty());
            return message;
        });
        Region noCluster = madeWhen(new SimpleBooleanProperty(!vm.hasCluster()), () -> {
            Message message = new Message("Registry only", vm.scaleHintProperty().get(), Icons.of(MaterialDesignS.SERVER_OFF));
            message.getStyleClass().add(Styles.WARNING);
            return message;
        });

        for (Region r : List.of(titleRow, actions, pendingRow, problems, error, noCluster)) {
            r.setMinWidth(0);
        }
        location.setMinWidth(0);
        description.setMinWidth(0);
        VBox top = new VBox(8, titleRow, description, actions, pendingRow, problems, error, noCluster);
        top.setMinWidth(0);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);

        // Keys for what has no button of its own: back, and switching the log between replicas.
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.LEFT && e.isAltDown()) {
                back.run();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode().isDigitKey() && !vm.replicas().isEmpty()) {
                int n = e.getCode().getCode() - KeyCode.DIGIT0.getCode();
                if (n >= 1 && n <= vm.replicas().size()) {
                    vm.selectReplica(vm.replicas().get(n - 1).name());
                    e.consume();
                }
            }
        });
        SplitPane split = new SplitPane();
        split.setOrientation(Orientation.VERTICAL);

        // The header now; the replica table, the side column and the log pane are made and attached in the next
        // pulses, one each (the log pane then adds its list and footer over the pulses after, and its first rows
        // last), so that the pulse the page opens in does only the header's work.
        OnePerPulse.run(List.of(
                () -> {
                    split.getItems().add(replicaBox(vm));
                    setCenter(split);
                },
                () -> setRight(sideColumn(vm)),
                () -> {
                    split.getItems().add(new LogPaneView(vm.logs())); // made here: its making is a pulse's work of its own
                    split.setDividerPositions(0.34);
                },
                () -> {
                    split.getItems().add(1, new ReplicationChartsView(vm.charts()));
                    split.setDividerPositions(0.28, 0.68); // the charts need a timeline and a row per replica (requests/s and latency beside them)
                }));
    }

    /** The replica table with its title and the all-replicas button. */
    private Region replicaBox(ServicePageViewModel vm) {
        ReplicaGrid replicas = new ReplicaGrid(vm.replicas());
        this.replicas = replicas;
        replicas.setId("replicas");
        replicas.setPlaceholder(vm.hasCluster() ? "Reading the replicas…" : "No cluster attached.");
        replicas.selectedProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectReplica(now);
            }
        });
        vm.selectedReplicaProperty().addListener((o, was, now) -> selectRow(now));
        vm.replicas().addListener((ListChangeListener<ReplicaRow>) c -> selectRow(vm.selectedReplicaProperty().get()));
        selectRow(vm.selectedReplicaProperty().get());

        Button all = new Button("A_ll replicas", Icons.of(MaterialDesignL.LAYERS_TRIPLE_OUTLINE));
        all.setId("allReplicas");
        all.getStyleClass().add(Styles.SMALL);
        all.setDisable(!vm.hasCluster());
        all.setOnAction(e -> {
            replicas.clearSelection();
            vm.showAllReplicas();
        });
        Tips.on(all, "Every replica's log, interleaved by time (Alt+L); Ctrl+1 … Ctrl+9 show one replica's");
        Label replicasTitle = new Label("Replicas");
        replicasTitle.getStyleClass().add(Styles.TITLE_4);
        HBox replicaHead = new HBox(8, replicasTitle, new Spacer(), all);
        replicaHead.setAlignment(Pos.CENTER_LEFT);
        VBox replicaBox = new VBox(6, replicaHead, replicas);
        VBox.setVgrow(replicas, Priority.ALWAYS);
        return replicaBox;
    }

    /** The operation's steps and the service's claims. */
    private static Region sideColumn(ServicePageViewModel vm) {
        Label stepsTitle = new Label();
        stepsTitle.getStyleClass().add(Styles.TITLE_4);
        stepsTitle.textProperty().bind(Bindings.when(vm.operationTitleProperty().isEmpty()).then("Operation")
                .otherwise(vm.operationTitleProperty()));
        stepsTitle.setWrapText(true);
        ListView<StepRow> steps = new ListView<>(vm.steps());
        steps.setId("steps");
        steps.setPlaceholder(muted("No operation yet. ADD, REDUCE and RECOVERY list each step here as it runs."));
        steps.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StepRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                boolean echo = row.detail().isBlank() || row.detail().equals(row.step());
                setText(row.step() + (echo ? "" : "\n" + row.detail()));
                setWrapText(true);
                setPrefWidth(0);
                setGraphic(Icons.of(switch (row.status()) {
                    case STARTED -> MaterialDesignP.PROGRESS_CLOCK;
                    case DONE -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
                    case SKIPPED -> MaterialDesignS.SKIP_NEXT_CIRCLE_OUTLINE;
                    case FAILED -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
                }));
                getStyleClass().removeAll("step-failed", "step-done", "step-running");
                getStyleClass().add(row.status() == ProgressEvent.Status.FAILED ? "step-failed"
                        : row.status() == ProgressEvent.Status.STARTED ? "step-running" : "step-done");
            }
        });
        Label claimsTitle = new Label("Claims", Icons.of(MaterialDesignB.BELL_RING_OUTLINE));
        claimsTitle.getStyleClass().add(Styles.TITLE_4);
        ListView<ClaimItem> claims = new ListView<>(vm.claims());
        claims.setId("serviceClaims");
        claims.setPlaceholder(muted("No claims about this service."));
        claims.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ClaimItem c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.summary() + "\nblock " + c.block());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        VBox side = new VBox(8, stepsTitle, steps, claimsTitle, claims);
        VBox.setVgrow(steps, Priority.ALWAYS);
        claims.setPrefHeight(160);
        side.setPrefWidth(300);
        side.setPadding(new Insets(0, 0, 0, 12));
        return side;
    }

    private void selectRow(String name) {
        if (name != null && replicas != null) {
            replicas.select(name);
        }
    }

    /**
     * A slot that, each time {@code condition} turns true, holds a new region from {@code make}, and is empty
     * and takes no room while the condition does not hold.
     */
    private static Region madeWhen(ObservableBooleanValue condition, Supplier<Region> make) {
        StackPane slot = new StackPane();
        slot.visibleProperty().bind(condition);
        slot.managedProperty().bind(condition);
        // Made anew each time the condition turns true: a banner kept while hidden had its wrapped text laid out at
        // no width, and shown again it stood 1,348 px tall with its text out of view (the second failover's banner).
        Runnable fill = () -> {
            if (!condition.get()) {
                slot.getChildren().clear();
            } else if (slot.getChildren().isEmpty()) {
                Region made = make.get();
                made.setMinWidth(0);
                slot.getChildren().add(made);
            }
        };
        condition.addListener((o, was, now) -> fill.run());
        fill.run();
        return slot;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setPadding(new Insets(8));
        return l;
    }
}
