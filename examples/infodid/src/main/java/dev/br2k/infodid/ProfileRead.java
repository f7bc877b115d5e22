package dev.br2k.infodid;

import java.time.Instant;
import java.util.Objects;

/**
 * One logged read of a user's profile by a third party.
 *
 * @param owner     whose profile was read
 * @param reader    who read it
 * @param at        when (the log entry's timestamp: the same on every replica)
 * @param requestId the BR2K request id of the read
 */
public record ProfileRead(Did owner, Did reader, Instant at, String requestId) {
    public ProfileRead {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(requestId, "requestId");
    }
}
