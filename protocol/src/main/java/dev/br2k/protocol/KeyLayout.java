package dev.br2k.protocol;

import java.util.Objects;

/**
 * The etcd key layout of spec §1.3: every key of one service, under {@code /br2k/<service>/}. Keys are built
 * and taken apart only here.
 */
public final class KeyLayout {
    /** The prefix every BR2K service's keys live under. */
    public static final String ROOT = "/br2k/";

    private final String service;
    private final String prefix;

    public KeyLayout(String service) {
        Objects.requireNonNull(service, "service");
        if (service.isBlank() || service.contains("/")) {
            throw new IllegalArgumentException("service must be a non-blank name without '/', was '" + service + "'");
        }
        this.service = service;
        this.prefix = ROOT + service + "/";
    }

    public String service() {
        return service;
    }

    /** {@code /br2k/<service>/}: every key of the service. */
    public String prefix() {
        return prefix;
    }

    /** A log index as it appears in keys: 20 digits, zero-padded, so keys sort as numbers. */
    public static String index(long i) {
        if (i < 0) {
            throw new IllegalArgumentException("a log index is never negative, was " + i);
        }
        return String.format("%020d", i);
    }

    public String logPrefix() {
        return prefix + "log/";
    }

    /** {@code log/<index>}: the request log entry (RLE). */
    public String log(long i) {
        return logPrefix() + index(i);
    }

    public String statusPrefix() {
        return prefix + "status/";
    }

    /** {@code status/<index>}: the entry state (RS). */
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

    /** {@code log-size} (LS). */
    public String logSize() {
        return prefix + "log-size";
    }

    /** {@code service-state} (SSI); -1 while a backup runs. */
    public String serviceState() {
        return prefix + "service-state";
    }

    /** {@code state-version} (SV). */
    public String stateVersion() {
        return prefix + "state-version";
    }

    public String lpiPrefix() {
        return prefix + "lpi/";
    }

    /** {@code lpi/<replica>} (LPI). */
    public String lpi(String replica) {
        return lpiPrefix() + replica;
    }

    public String ssvPrefix() {
        return prefix + "ssv/";
    }

    /** {@code ssv/<replica>} (SSV). */
    public String ssv(String replica) {
        return ssvPrefix() + replica;
    }

    /** {@code leader} (CL): a {@link LeaderValue}. */
    public String leader() {
        return prefix + "leader";
    }

    public String membersPrefix() {
        return prefix + "members/";
    }

    /** {@code members/<replica>}: a {@link MemberValue}, leased. */
    public String member(String replica) {
        return membersPrefix() + replica;
    }

    /**
     * {@code defragmenting}: the replica whose etcd member is being defragmented, leased, so that the members are
     * defragmented one at a time.
     */
    public String defragmenting() {
        return prefix + "defragmenting";
    }

    /** {@code last-backup}: the newest backup record without its secrets. */
    public String lastBackup() {
        return prefix + "last-backup";
    }

    /** The index at the end of a {@code log/...} or {@code status/...} key. */
    public static long indexOf(String key) {
        String tail = key.substring(key.lastIndexOf('/') + 1);
        if (tail.length() != 20 || !tail.chars().allMatch(Character::isDigit)) {
            throw new ProtocolException("key '" + key + "' does not end in a 20-digit log index");
        }
        return Long.parseLong(tail);
    }

    /** The replica id in a key under {@code perReplicaPrefix} ({@link #lpiPrefix()}, {@link #ssvPrefix()}, {@link #membersPrefix()}). */
    public static String replicaOf(String key, String perReplicaPrefix) {
        if (!key.startsWith(perReplicaPrefix) || key.length() == perReplicaPrefix.length()
                || key.indexOf('/', perReplicaPrefix.length()) >= 0) {
            throw new ProtocolException("key '" + key + "' is not " + perReplicaPrefix + "<replica>");
        }
        return key.substring(perReplicaPrefix.length());
    }
}
