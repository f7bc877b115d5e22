package dev.br2k.replication.internal;

import dev.br2k.replication.NotLeaderException;

/** A guarded write was refused or its outcome is unknown: the replica must step down. */
public final class LeadershipLostException extends NotLeaderException {
    public LeadershipLostException(String message) {
        super(message);
    }
}
