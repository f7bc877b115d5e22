package dev.br2k.robustness.fault;

/** The faults the attacker applies to the current leader's replica. */
public enum FaultKind {
    /** Its namespace is cut off the bridge, then joined again. */
    PARTITION("partition of its namespace"),
    /** kill -9 of its service process, then a restart (as a supervisor would). */
    KILL_SERVICE("kill -9 of its service"),
    /** kill -9 of its etcd member, then a restart on the member's data. */
    KILL_ETCD("kill -9 of its etcd"),
    /** SIGSTOP of its service and etcd for longer than the election timeout, then SIGCONT. */
    PAUSE("SIGSTOP of service and etcd, then SIGCONT");

    private final String description;

    FaultKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
