package dev.br2k.watch.testing;

import atlantafx.base.theme.PrimerDark;
import dev.br2k.watch.WatchServices;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.shell.MainWindow;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Scene;
import org.testfx.api.FxToolkit;

/** The Watch's main window on TestFX's primary stage, as the app shows it: its theme, 1280×800, a profile filled in. */
public final class WatchWindow implements AutoCloseable {
    private final MainWindow window;

    private WatchWindow(MainWindow window) {
        this.window = window;
    }

    /** Shows a new main window of {@code services} with the log-in screen filled in from {@code profile}. */
    public static WatchWindow open(WatchServices services, Profile profile) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        MainWindow[] made = new MainWindow[1];
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            made[0] = new MainWindow(services);
            made[0].prefill(profile);
            stage.setScene(new Scene(made[0], 1280, 800));
            stage.show();
        });
        return new WatchWindow(made[0]);
    }

    public MainWindow window() {
        return window;
    }

    /** Closes the window (its pages stop their work) and the stage. */
    @Override
    public void close() throws TimeoutException {
        FxToolkit.setupFixture(window::close);
        FxToolkit.cleanupStages();
    }
}
