package dev.br2k.infodid;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An owner's permission for {@code reader} to read the owner's profile, until {@code until} (empty:
 * until revoked).
 */
public record Consent(Did owner, Did reader, Instant grantedAt, Optional<Instant> until) {
    public Consent {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(grantedAt, "grantedAt");
        Objects.requireNonNull(until, "until");
    }

    /** Whether the consent allows a read at {@code time}. */
    public boolean allows(Instant time) {
        return until.map(time::isBefore).orElse(true);
    }
}
