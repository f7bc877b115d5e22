package dev.br2k.watch.kube;

import atlantafx.base.theme.Styles;
import dev.br2k.watch.shell.Icons;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The view of {@link KubeContextsViewModel}: a context chooser, a reload button and what the choice means. */
public final class KubeContextSelector extends VBox {

    public KubeContextSelector(KubeContextsViewModel vm) {
        super(4);
        ComboBox<String> contexts = new ComboBox<>(vm.names());
        contexts.setId("kubeContext");
        contexts.setMaxWidth(Double.MAX_VALUE);
        contexts.valueProperty().bindBidirectional(vm.selectedProperty());
        contexts.setCellFactory(v -> new Cell(vm));
        contexts.setButtonCell(new Cell(vm));
        Button reload = new Button(null, Icons.of(MaterialDesignR.REFRESH));
        reload.setId("reloadKubeContexts");
        reload.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        reload.setTooltip(new Tooltip("Read $KUBECONFIG (or ~/.kube/config) again"));
        reload.setOnAction(e -> vm.load());
        reload.disableProperty().bind(vm.loadingProperty());
        HBox row = new HBox(6, contexts, reload);
        HBox.setHgrow(contexts, Priority.ALWAYS);

        Label hint = new Label();
        hint.setId("kubeContextHint");
        hint.setWrapText(true);
        hint.textProperty().bind(Bindings.createStringBinding(() -> vm.errorProperty().get().isEmpty()
                ? vm.messageProperty().get() : vm.errorProperty().get(), vm.messageProperty(), vm.errorProperty()));
        hint.getStyleClass().add(Styles.TEXT_SMALL);
        vm.errorProperty().addListener((o, was, now) -> {
            hint.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            hint.getStyleClass().add(now.isEmpty() ? Styles.TEXT_MUTED : Styles.DANGER);
        });
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(row, hint);
    }

    private static final class Cell extends ListCell<String> {
        private final KubeContextsViewModel vm;

        Cell(KubeContextsViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : vm.label(item));
        }
    }
}
