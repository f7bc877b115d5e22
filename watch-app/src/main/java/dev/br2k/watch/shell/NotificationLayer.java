package dev.br2k.watch.shell;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import dev.br2k.watch.common.Notice;
import dev.br2k.watch.common.Notices;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** Shows each new {@link Notice} as a toast in the top right corner for a few seconds (errors stay until closed). */
public final class NotificationLayer extends VBox {

    private static final int MAX_SHOWN = 4;

    public NotificationLayer(Notices notices) {
        setId("notifications");
        setPickOnBounds(false);
        setSpacing(8);
        setAlignment(Pos.BOTTOM_RIGHT);
        setPadding(new Insets(56, 16, 44, 16));
        setMaxWidth(Double.MAX_VALUE);
        notices.all().addListener((ListChangeListener<Notice>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::show);
            }
        });
    }

    private void show(Notice notice) {
        Notification n = new Notification(notice.title() + "\n" + notice.text(), Icons.of(switch (notice.kind()) {
            case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
            case SUCCESS -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case WARNING -> MaterialDesignB.BELL_RING_OUTLINE;
            case ERROR -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
        }));
        n.getStyleClass().addAll(Styles.ELEVATED_1, switch (notice.kind()) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case ERROR -> Styles.DANGER;
        });
        n.getStyleClass().add("notice");
        n.setPrefWidth(380);
        n.setMaxWidth(380);
        n.setMaxHeight(USE_PREF_SIZE);
        n.setOnClose(e -> getChildren().remove(n));
        getChildren().add(n);
        if (getChildren().size() > MAX_SHOWN) {
            getChildren().remove(0);
        }
        if (notice.kind() != Notice.Kind.ERROR) {
            PauseTransition wait = new PauseTransition(Duration.seconds(8));
            wait.setOnFinished(e -> getChildren().remove(n));
            wait.play();
        }
    }
}
