package dev.br2k.replication.location;

import dev.br2k.replication.Br2kException;

import java.util.Objects;

/**
 * Thrown by {@link LocationPublisher#publish} when a newer leader already published: the stored
 * location carries a leader term of the same etcd cluster at least as late as the one given, so the publication was refused
 * and nothing changed. Retrying cannot succeed; the replica is no longer (or never was) the newest leader.
 */
public final class StaleLeaderTermException extends Br2kException {
    private final LeaderTerm stored;
    private final LeaderTerm given;

    public StaleLeaderTermException(String service, LeaderTerm stored, LeaderTerm given, Throwable cause) {
        super("A newer leader already published the location of " + Objects.requireNonNull(service, "service")
                + " (stored: " + Objects.requireNonNull(stored, "stored") + "; this leader's: "
                + Objects.requireNonNull(given, "given") + "); nothing was changed.", cause);
        this.stored = stored;
        this.given = given;
    }

    public StaleLeaderTermException(String service, LeaderTerm stored, LeaderTerm given) {
        this(service, stored, given, null);
    }

    /** The leader term of the location that stays. */
    public LeaderTerm stored() {
        return stored;
    }

    /** The leader term that was refused. */
    public LeaderTerm given() {
        return given;
    }
}
