package dev.br2k.watch.testing;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Reads JavaFX state on the FX thread, for assertions from a test thread. */
public final class Fx {

    private Fx() {
    }

    public static <T> T get(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Reading JavaFX state failed", e);
        }
    }

    public static void run(Runnable action) {
        get(() -> {
            action.run();
            return null;
        });
    }
}
