package dev.br2k.replication;

import java.util.Locale;

/**
 * Points in the leader's request path where a test can make the process halt ({@link Runtime#halt}),
 * to check what the other replicas do about a request that was cut off there. Never set in production.
 */
public enum CrashPoint {
    /** The entry is in the log with status {@code NULL}. */
    AFTER_APPEND,
    /** The entry is marked {@code IN_PROCESS}; the handler has not run. */
    AFTER_IN_PROCESS,
    /** The handler has changed local state; {@code SUCCESS} is not written. */
    AFTER_HANDLER,
    /** {@code SUCCESS} is written; the client has not been answered. */
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
