package dev.br2k.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * What the service registry knows for redeploying a service that is entirely gone.
 *
 * @param service      service name
 * @param replicas     the registered replica count
 * @param image        the registered container image (Kubernetes), empty to keep the context's
 * @param newestBackup an opaque pointer to the newest backup record (e.g. its index in the backup log),
 *                     handed to the replicas so that they restore it; empty when there is none
 */
public record RecoveryPlan(String service, int replicas, Optional<String> image, Optional<String> newestBackup) {

    public RecoveryPlan {
        Objects.requireNonNull(service, "service");
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, was " + replicas);
        }
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(newestBackup, "newestBackup");
    }
}
