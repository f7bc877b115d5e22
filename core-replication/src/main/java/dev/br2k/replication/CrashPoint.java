package dev.br2k.replication;

import java.util.Locale;

/**
 * Points in the leader's request path (commit protocol v2, spec §1.4) where a test can make the process halt
 * ({@link Runtime#halt}), to check what the other replicas do about a group of requests cut off there. A
 * point fires for the group (or transaction) whose index range holds the configured index. Never set in
 * production.
 */
public enum CrashPoint {
    /**
     * The group's transaction is committed (replicate entries with their final status, only-once entries
     * {@code IN_PROCESS}); no client is answered and no only-once handler has run.
     */
    AFTER_APPEND,
    /** The same moment as {@link #AFTER_APPEND} (v1 marked {@code IN_PROCESS} in a write of its own). */
    AFTER_IN_PROCESS,
    /**
     * Handlers ran: the group's replicate handlers have changed local state and nothing of the group is
     * committed; or an only-once handler ran after its {@code IN_PROCESS} commit and its result is not recorded.
     */
    AFTER_HANDLER,
    /** The group's results are committed; its clients have not been answered. */
    AFTER_SUCCESS;

    /** Parses {@code after-append}, {@code AFTER_APPEND} and the like. */
    public static CrashPoint parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown crash point '" + text
                    + "': use one of after-append, after-in-process, after-handler, after-success", e);
        }
    }
}
