package dev.br2k.replication.internal.log;

/** The etcd key layout of spec §1.3, under {@code /br2k/<service>/}. */
public final class Keys {
    private final String prefix;

    public Keys(String service) {
        this.prefix = "/br2k/" + service + "/";
    }

    public String prefix() {
        return prefix;
    }

    public static String index(long i) {
        return String.format("%020d", i);
    }

    public String logPrefix() {
        return prefix + "log/";
    }

    public String log(long i) {
        return logPrefix() + index(i);
    }

    public String statusPrefix() {
        return prefix + "status/";
    }

    public String status(long i) {
        return statusPrefix() + index(i);
    }

    /**
     * Client request ids of one state version. A backup deletes the ids of the version before the one it
     * closes, so a retry is recognised until the second backup after its first attempt.
     */
    public String requestPrefix(long stateVersion) {
        return prefix + "request/" + stateVersion + "/";
    }

    public String request(long stateVersion, String requestId) {
        return requestPrefix(stateVersion) + requestId;
    }

    public String logSize() {
        return prefix + "log-size";
    }

    public String serviceState() {
        return prefix + "service-state";
    }

    public String stateVersion() {
        return prefix + "state-version";
    }

    public String lpiPrefix() {
        return prefix + "lpi/";
    }

    public String lpi(String replica) {
        return lpiPrefix() + replica;
    }

    public String ssv(String replica) {
        return prefix + "ssv/" + replica;
    }

    public String leader() {
        return prefix + "leader";
    }

    public String membersPrefix() {
        return prefix + "members/";
    }

    public String member(String replica) {
        return membersPrefix() + replica;
    }

    public String lastBackup() {
        return prefix + "last-backup";
    }

    /** The index at the end of a {@code log/...} or {@code status/...} key. */
    public static long indexOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
    }
}
