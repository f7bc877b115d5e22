package dev.br2k.watch.replication;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The service page's replication charts: a title with the summary, the window picker, the chart. */
public final class ReplicationChartsView extends VBox {

    private final ReplicationChart chart;

    public ReplicationChartsView(ReplicationChartsViewModel vm) {
        super(6);
        getStyleClass().add("replication-charts");
        setMinHeight(0);
        Label title = new Label("Replication");
        title.getStyleClass().add(Styles.TITLE_4);
        Label summary = new Label(vm.summary());
        summary.setId("replicationSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setMinWidth(0);
        vm.revisionProperty().addListener((o, was, now) -> summary.setText(vm.summary()));
        vm.windowProperty().addListener((o, was, now) -> summary.setText(vm.summary()));

        ToggleGroup windows = new ToggleGroup();
        HBox picker = new HBox();
        picker.getStyleClass().add("window-picker");
        for (ChartWindow w : ChartWindow.values()) {
            ToggleButton b = new ToggleButton(w.label());
            b.setId("window-" + w.name().toLowerCase().replace('_', '-'));
            b.getStyleClass().add(Styles.SMALL);
            b.setToggleGroup(windows);
            b.setUserData(w);
            b.setSelected(vm.windowProperty().get() == w);
            picker.getChildren().add(b);
        }
        picker.getChildren().get(0).getStyleClass().add(Styles.LEFT_PILL);
        picker.getChildren().get(picker.getChildren().size() - 1).getStyleClass().add(Styles.RIGHT_PILL);
        windows.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one window is always chosen
            } else {
                vm.windowProperty().set((ChartWindow) now.getUserData());
            }
        });

        HBox head = new HBox(10, title, summary, new Spacer(), picker);
        head.setAlignment(Pos.CENTER_LEFT);
        chart = new ReplicationChart(vm);
        chart.setId("replicationChart");
        getChildren().addAll(head, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
    }

    public ReplicationChart chart() {
        return chart;
    }
}
