package dev.br2k.watch.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.watch.testing.Fx;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.concurrent.TimeUnit;

/** A tooltip made on the first hover, in a real (headless) window. */
class TipsTest {

    private final FxRobot robot = new FxRobot();
    private Button button;

    @BeforeEach
    void showAButton() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            button = new Button("ADD");
            Tips.on(button, "Add a replica");
            stage.setScene(new Scene(new StackPane(button), 300, 200));
            stage.show();
        });
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void the_tooltip_is_made_on_the_first_hover_and_shows_its_text() {
        assertThat(Fx.get(() -> button.getTooltip())).as("before any hover").isNull();
        assertThat(Fx.get(() -> button.getAccessibleHelp())).isEqualTo("Add a replica");

        robot.moveTo(button).moveBy(3, 1).moveBy(-2, 1);

        await().atMost(10, TimeUnit.SECONDS).until(() -> Fx.get(() -> button.getTooltip() != null && button.getTooltip().isShowing()));
        assertThat(Fx.get(() -> button.getTooltip().getText())).isEqualTo("Add a replica");
    }
}
