package dev.br2k.watch.replication;

import java.time.Duration;

/** How far back the replication charts look. */
public enum ChartWindow {
    FIVE_MINUTES("5 min", Duration.ofMinutes(5), Duration.ofSeconds(1)),
    /** A pixel column of a wide chart is about 3 s of it: redrawing every second would show nothing new. */
    ONE_HOUR("1 h", Duration.ofHours(1), Duration.ofSeconds(5));

    private final String label;
    private final Duration length;
    private final Duration redrawEvery;

    ChartWindow(String label, Duration length, Duration redrawEvery) {
        this.label = label;
        this.length = length;
        this.redrawEvery = redrawEvery;
    }

    /** The shortest time between two drawings caused by new samples. */
    public Duration redrawEvery() {
        return redrawEvery;
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
