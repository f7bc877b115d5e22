package dev.br2k.robustness.fault;

/** The faults the attacker applies; all but {@link #FAIL_FOLLOWER} hit the current leader's replica. */
public enum FaultKind {
    /** Its namespace is cut off the bridge, then joined again. */
    PARTITION("partition of its namespace"),
    /** kill -9 of its service process, then a restart (as a supervisor would). */
    KILL_SERVICE("kill -9 of its service"),
    /** kill -9 of its etcd member, then a restart on the member's data. */
    KILL_ETCD("kill -9 of its etcd"),
    /** SIGSTOP of its service and etcd for longer than the election timeout, then SIGCONT. */
    PAUSE("SIGSTOP of service and etcd, then SIGCONT"),
    /**
     * Its namespace cut off for the long isolation time (longer than any lease, probe or timeout) while a
     * client inside the namespace sends reads and writes straight to it.
     */
    ISOLATE_LEADER("long partition, a client inside sending to it"),
    /** A follower's replicated handlers throw for a while (test hook), then work again; it must catch up. */
    FAIL_FOLLOWER("a follower's handler fails"),
    /** kill -9 of its service while it runs a backup (state version up, service-state -1), then a restart. */
    KILL_IN_BACKUP("kill -9 of its service during a backup");

    private final String description;

    FaultKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
