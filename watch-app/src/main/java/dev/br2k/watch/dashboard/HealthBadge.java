package dev.br2k.watch.dashboard;

import atlantafx.base.theme.Styles;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.shell.Icons;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** A coloured label for a {@link Health}. */
public final class HealthBadge extends Label {

    private Health shown;

    public HealthBadge() {
        getStyleClass().add("health-badge");
    }

    public HealthBadge(Health health) {
        this();
        show(health);
    }

    /**
     * Shows {@code health}, or nothing for null. Showing what it already shows changes nothing: a
     * table calls this for every visible row whenever its rows move, and a new icon and style classes
     * would make each row's styles be computed again.
     */
    public void show(Health health) {
        if (health == shown && (health != null || getGraphic() == null)) {
            return;
        }
        shown = health;
        getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT, "healthy", "faulty",
                "paused", "changing", "unknown", "no_cluster", "no-cluster");
        if (health == null) {
            setText("");
            setGraphic(null);
            return;
        }
        setText(health.label());
        Ikon ikon = switch (health) {
            case HEALTHY -> MaterialDesignC.CHECK_CIRCLE;
            case FAULTY -> MaterialDesignA.ALERT_CIRCLE;
            case PAUSED -> MaterialDesignP.PAUSE_CIRCLE;
            case CHANGING -> MaterialDesignS.SYNC_CIRCLE;
            case UNKNOWN -> MaterialDesignH.HELP_CIRCLE_OUTLINE;
            case NO_CLUSTER -> MaterialDesignL.LAN_DISCONNECT;
        };
        setGraphic(Icons.of(ikon));
        getStyleClass().addAll(health.name().toLowerCase(), switch (health) {
            case HEALTHY -> Styles.SUCCESS;
            case FAULTY -> Styles.DANGER;
            case PAUSED, UNKNOWN -> Styles.WARNING;
            case NO_CLUSTER -> "no-cluster";
            case CHANGING -> Styles.ACCENT;
        });
    }
}
