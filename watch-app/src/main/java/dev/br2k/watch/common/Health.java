package dev.br2k.watch.common;

/** Replication health as the Watch shows it. */
public enum Health {
    /** Every replica runs, one leads, none lags or learns. */
    HEALTHY("Healthy"),
    /** A replica is down, lagging or learning, or no replica leads: RECOVERY is offered. */
    FAULTY("Faulty"),
    /** Stopped on purpose. */
    PAUSED("Paused"),
    /** An operation (add, reduce, recovery) is running. */
    CHANGING("Changing"),
    /** The Watch could not read the service's cluster this time. */
    UNKNOWN("Unknown"),
    /** The Watch has no access to the service's cluster (e.g. it runs on a Kubernetes context this profile lacks). */
    NO_CLUSTER("No cluster");

    private final String label;

    Health(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
