package dev.br2k.watch;

import atlantafx.base.theme.PrimerDark;
import dev.br2k.watch.shell.MainWindow;
import dev.br2k.watch.task.FxTaskExecutor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one window, the log-in screen first. */
public final class WatchApplication extends Application {

    private static volatile LaunchOptions options = LaunchOptions.parse();
    private FxTaskExecutor executor;
    private MainWindow window;

    static void launchWith(LaunchOptions launchOptions) {
        options = launchOptions;
        Application.launch(WatchApplication.class);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        executor = new FxTaskExecutor();
        window = new MainWindow(WatchServices.production(executor));
        options.prefill().ifPresent(window::prefill);
        Scene scene = MainWindow.scene(window, 1280, 800);
        stage.setTitle("BR2K Watch");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
