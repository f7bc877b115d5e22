package dev.br2k.watch.common;

import javafx.animation.AnimationTimer;

import java.util.List;

/**
 * Runs steps on the FX thread one per animation pulse, each before that pulse's CSS and layout.
 * A page attaches its parts this way so that the first styling and layout of a large node tree,
 * which in a fresh JVM runs interpreted, is spread over several frames instead of freezing one.
 */
public final class OnePerPulse {

    private OnePerPulse() {
    }

    /** Starts running {@code steps}: the first in the next pulse after the one now due, then one per pulse. */
    public static void run(List<Runnable> steps) {
        List<Runnable> todo = List.copyOf(steps);
        new AnimationTimer() {
            private int pulse;

            @Override
            public void handle(long now) {
                // The pulse now due lays out what the caller attached; the steps start with the next one.
                if (pulse > 0) {
                    todo.get(pulse - 1).run();
                }
                if (++pulse > todo.size()) {
                    stop();
                }
            }
        }.start();
    }
}
