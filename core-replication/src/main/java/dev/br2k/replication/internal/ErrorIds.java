package dev.br2k.replication.internal;

import java.util.UUID;

/**
 * Ids that tie an error a client (or {@code /br2k/status}) sees to the replica's log line holding its detail:
 * exception text (SQL errors, paths, credentials in URLs) is logged, never answered or stored in etcd.
 */
public final class ErrorIds {
    private ErrorIds() {
    }

    /** A new random id (a UUID). */
    public static String next() {
        return UUID.randomUUID().toString();
    }
}
