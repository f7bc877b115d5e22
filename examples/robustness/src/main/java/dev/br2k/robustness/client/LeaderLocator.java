package dev.br2k.robustness.client;

import java.net.URI;
import java.util.Optional;

/** Where a client looks up the leader's published location after a failure. */
@FunctionalInterface
public interface LeaderLocator {
    /** The published location, or empty when none is published (yet) or it cannot be read. */
    Optional<URI> location();
}
