package dev.br2k.cluster;

/** The operations on a deployed service, as the CLI and the Watch name them. */
public enum Operation {
    DEPLOY("deploy"),
    ADD("add"),
    REDUCE("reduce"),
    PAUSE("pause"),
    RECOVERY("recovery");

    private final String displayName;

    Operation(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
