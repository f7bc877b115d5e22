package dev.br2k.registry;

/** What a service is doing, as its manager or operators last reported it (the contract's {@code RunState}). */
public enum RunState {
    /** Not running; the state of a newly registered service. */
    STOPPED,
    /** Serving with every replica healthy. */
    RUNNING,
    /** Serving, but a replica is down, lagging or learning. */
    DEGRADED,
    /** Being recovered from a backup. */
    RECOVERING;

    /** The contract's enum value. */
    public int code() {
        return ordinal();
    }

    /** The state for the contract's enum value. */
    public static RunState fromCode(int code) {
        RunState[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("Unknown run state " + code + "; this client knows 0.." + (all.length - 1));
        }
        return all[code];
    }
}
