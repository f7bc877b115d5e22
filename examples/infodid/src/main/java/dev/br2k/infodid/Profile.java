package dev.br2k.infodid;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What InfoDID keeps about one user. {@code validUntil} is when the user says the information stops
 * being valid (e.g. a certificate's expiry); empty means no end.
 *
 * @param did        the owner
 * @param name       display name, 1..200 characters
 * @param photo      a reference to a photo (URL or content hash), not the photo itself
 * @param education  schools, degrees, certificates
 * @param career     positions held
 * @param validUntil end of validity
 * @param updatedAt  when the owner last changed it (the log entry's timestamp)
 */
public record Profile(Did did, String name, Optional<String> photo, List<String> education, List<String> career,
                      Optional<Instant> validUntil, Instant updatedAt) {
    public Profile {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(photo, "photo");
        education = List.copyOf(education);
        career = List.copyOf(career);
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
