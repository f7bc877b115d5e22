package dev.br2k.watch;

import dev.br2k.watch.common.WatchHome;
import javafx.application.Application;

/**
 * BR2K Watch's entry point. A plain class (not an {@link Application}) so that it starts from a
 * class path without the JavaFX module path:
 * {@code java -cp <jars> dev.br2k.watch.Br2kWatch --profile .br2k/sandbox.json}.
 */
public final class Br2kWatch {

    private Br2kWatch() {
    }

    public static void main(String[] args) {
        WatchHome.prepareLog(WatchHome.resolve());   // before the first logger: logback reads the directory then
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.version()) {
            System.out.println("BR2K Watch " + Version.current());
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        WatchApplication.launchWith(options);
    }
}
