package dev.br2k.registry;

import java.util.Objects;

/**
 * What {@link RegistryClient#register} needs: the details, where the service is served (may be
 * empty until a leader publishes it), and how many replicas it runs and may run.
 *
 * <pre>{@code
 * ServiceRegistration.builder("infodid")
 *     .description("User information by DID")
 *     .replicas(3, 5)
 *     .image("registry.local:5000/infodid:1.0", Ecies.encrypt(serviceAccount, credentialsJson))
 *     .build();
 * }</pre>
 */
public record ServiceRegistration(ServiceDetails details, String location, int replicaCount, int maxReplicas) {

    /** The largest maximum the contract can hold ({@code uint16}). */
    public static final int MAX_REPLICAS_LIMIT = 65_535;

    public ServiceRegistration {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(location, "location");
        if (maxReplicas < 1 || maxReplicas > MAX_REPLICAS_LIMIT) {
            throw new IllegalArgumentException("maxReplicas must be in [1, " + MAX_REPLICAS_LIMIT + "], was " + maxReplicas);
        }
        if (replicaCount < 1 || replicaCount > maxReplicas) {
            throw new IllegalArgumentException("replicaCount must be in [1, maxReplicas=" + maxReplicas + "], was " + replicaCount);
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public ServiceId id() {
        return details.id();
    }

    /** Builds a {@link ServiceRegistration}; by default one replica, at most one, no location. */
    public static final class Builder {
        private final ServiceDetails.Builder details;
        private String location = "";
        private int replicaCount = 1;
        private int maxReplicas = 1;

        private Builder(String name) {
            this.details = ServiceDetails.builder(name);
        }

        public Builder description(String description) {
            details.description(description);
            return this;
        }

        public Builder location(String location) {
            this.location = Objects.requireNonNull(location, "location");
            return this;
        }

        public Builder replicas(int replicaCount, int maxReplicas) {
            this.replicaCount = replicaCount;
            this.maxReplicas = maxReplicas;
            return this;
        }

        public Builder context(byte[] hash, String pointer) {
            details.context(hash, pointer);
            return this;
        }

        public Builder image(String location, byte[] encryptedCredentials) {
            details.image(location, encryptedCredentials);
            return this;
        }

        public ServiceRegistration build() {
            return new ServiceRegistration(details.build(), location, replicaCount, maxReplicas);
        }
    }
}
