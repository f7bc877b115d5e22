package dev.br2k.watch.dashboard;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.br2k.registry.RunState;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.shell.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.function.Consumer;
import java.util.function.Function;

/** The dashboard: the account's services in a filterable table, and the claims users sent. */
public final class DashboardView extends BorderPane {

    /** The height of a service's row, in pixels: the health badge and a line of text with the theme's padding. */
    static final double ROW_HEIGHT = 40;

    private final TableView<ServiceItem> table;
    private ServiceItem chosen;
    private boolean refiltering;

    public DashboardView(DashboardViewModel vm, Consumer<ServiceItem> open) {
        getStyleClass().add("dashboard-view");
        setMinSize(0, 0);
        setPadding(new Insets(16));

        Label title = new Label("Services");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(Label.USE_PREF_SIZE);
        Label summary = new Label();
        summary.setId("summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        Runnable updateSummary = () -> {
            long faulty = vm.items().stream().filter(i -> i.health() == Health.FAULTY).count();
            summary.setText(vm.items().size() + (vm.items().size() == 1 ? " service" : " services")
                    + (faulty > 0 ? " · " + faulty + " faulty" : "") + " · managed by " + shortAddress(vm.session().account()));
        };
        vm.items().addListener((ListChangeListener<ServiceItem>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(i -> i.healthProperty().addListener((o, was, now) -> updateSummary.run()));
            }
            updateSummary.run();
        });
        updateSummary.run();

        CustomTextField filter = new CustomTextField();
        filter.setId("filter");
        filter.setPromptText("Filter by name, description, location, health");
        filter.setLeft(Icons.of(MaterialDesignM.MAGNIFY));
        filter.setPrefWidth(320);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Button refresh = new Button(null, Icons.of(MaterialDesignR.REFRESH));
        refresh.setId("refresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setOnAction(e -> vm.reload());
        HBox head = new HBox(12, title, summary, new Spacer(), filter, refresh);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(0, 0, 12, 0));

        vm.visibleItems().addListener((ListChangeListener<ServiceItem>) c -> refiltering = true);
        table = new TableView<>(vm.visibleItems());
        table.setId("services");
        table.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Every row is one line high (the badge is the tallest cell): a fixed height spares the table measuring
        // each new row's cells when a filter changes the row count, which was most of a keystroke's stall.
        table.setFixedCellSize(ROW_HEIGHT);
        TableColumn<ServiceItem, Health> health = new TableColumn<>("Health");
        health.setCellValueFactory(c -> c.getValue().healthProperty());
        health.setCellFactory(c -> new TableCell<>() {
            private final HealthBadge badge = new HealthBadge();

            @Override
            protected void updateItem(Health item, boolean empty) {
                super.updateItem(item, empty);
                badge.show(empty ? null : item);
                setGraphic(empty ? null : badge);
            }
        });
        health.setPrefWidth(140);
        health.setMinWidth(135);
        TableColumn<ServiceItem, String> name = column("Name", ServiceItem::nameProperty, 120);
        name.setId("nameColumn");
        TableColumn<ServiceItem, String> description = column("Description", ServiceItem::descriptionProperty, 200);
        TableColumn<ServiceItem, RunState> runState = new TableColumn<>("Run state");
        runState.setCellValueFactory(c -> c.getValue().runStateProperty());
        runState.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RunState value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : value.name().charAt(0) + value.name().substring(1).toLowerCase());
            }
        });
        runState.setPrefWidth(100);
        TableColumn<ServiceItem, String> replicas = new TableColumn<>("Replicas");
        replicas.setCellValueFactory(c -> {
            ServiceItem i = c.getValue();
            return Bindings.createStringBinding(() -> (i.runningReplicasProperty().get() >= 0
                            ? i.runningReplicasProperty().get() + " running · " : "") + i.replicaCount() + " / " + i.maxReplicas(),
                    i.runningReplicasProperty(), i.replicaCountProperty(), i.maxReplicasProperty());
        });
        replicas.setPrefWidth(170);
        replicas.setMinWidth(150);
        TableColumn<ServiceItem, String> location = column("Location", ServiceItem::locationProperty, 200);
        location.setId("locationColumn");
        TableColumn<ServiceItem, String> backup = column("Last backup", ServiceItem::lastBackupProperty, 130);
        TableColumn<ServiceItem, ServiceItem> trend = new TableColumn<>("Last 5 min");
        trend.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        trend.setCellFactory(c -> new TrendCell());
        trend.setPrefWidth(TrendCell.WIDTH + 16);
        trend.setMinWidth(TrendCell.WIDTH + 16);
        trend.setSortable(false);
        table.getColumns().addAll(java.util.List.of(health, name, description, runState, replicas, trend, location, backup));
        table.setRowFactory(t -> {
            TableRow<ServiceItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        keepSelectionAcrossFilters(vm);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(vm.loadingProperty()).then("Reading the registry…")
                .otherwise(Bindings.when(vm.filterProperty().isEmpty())
                        .then("This account manages no services yet. Register one with `br2k register`.")
                        .otherwise("No service matches the filter.")));
        table.setPlaceholder(placeholder);

        Message error = new Message("Registry", "", Icons.of(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox center = new VBox(8, head, error, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setCenter(center);

        Label claimsTitle = new Label("Claims", Icons.of(MaterialDesignB.BELL_RING_OUTLINE));
        claimsTitle.getStyleClass().add(Styles.TITLE_4);
        ListView<ClaimItem> claims = new ListView<>(vm.claims());
        claims.setId("claims");
        claims.setPlaceholder(wrapLabel("No claims. Users who cannot reach a service ask you to recover it here."));
        claims.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ClaimItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.summary());
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip("Sent in block " + item.block()));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        claims.setPrefWidth(280);
        Label olderClaims = new Label();
        olderClaims.setId("olderClaims");
        olderClaims.getStyleClass().add(Styles.TEXT_MUTED);
        olderClaims.textProperty().bind(vm.claimsFooterProperty());
        olderClaims.visibleProperty().bind(vm.olderClaimsProperty().greaterThan(0));
        olderClaims.managedProperty().bind(olderClaims.visibleProperty());
        VBox side = new VBox(8, claimsTitle, claims, olderClaims);
        VBox.setVgrow(claims, Priority.ALWAYS);
        side.setPadding(new Insets(44, 0, 0, 16));
        setRight(side);
    }

    /**
     * The filter replaces the table's rows in one change, after which the table has cleared its
     * selection or kept only its index: select the operator's service again when it is still shown.
     * {@code refiltering} is set by a listener that runs before the table's own (registered before the
     * table exists), so selection changes the table makes meanwhile are not taken for the operator's.
     */
    private void keepSelectionAcrossFilters(DashboardViewModel vm) {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !refiltering) {
                chosen = now;
            }
        });
        vm.visibleItems().addListener((ListChangeListener<ServiceItem>) c -> {
            refiltering = false;
            if (chosen == null) {
                return;
            }
            if (vm.visibleItems().contains(chosen)) {
                table.getSelectionModel().select(chosen);
            } else {
                table.getSelectionModel().clearSelection();
            }
        });
    }

    static String shortAddress(String address) {
        return address.length() > 12 ? address.substring(0, 6) + "…" + address.substring(address.length() - 4) : address;
    }

    private static Label wrapLabel(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setPadding(new Insets(8));
        return l;
    }

    public TableView<ServiceItem> table() {
        return table;
    }

    private static TableColumn<ServiceItem, String> column(String title, Function<ServiceItem, ObservableValue<String>> value, double width) {
        TableColumn<ServiceItem, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> value.apply(d.getValue()));
        c.setPrefWidth(width);
        return c;
    }
}
