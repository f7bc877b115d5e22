package dev.br2k.watch.replication;

import java.time.Duration;

/** How far back the replication charts look. */
public enum ChartWindow {
    FIVE_MINUTES("5 min", Duration.ofMinutes(5)),
    ONE_HOUR("1 h", Duration.ofHours(1));

    private final String label;
    private final Duration length;

    ChartWindow(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    /** The longest window: what a history keeps. */
    public static ChartWindow longest() {
        return ONE_HOUR;
    }
}
