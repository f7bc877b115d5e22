package dev.br2k.watch.login;

import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.backend.RegistryGateway;

import java.util.Objects;

/**
 * A logged-in account: its registry access and the clusters the Watch may reach. Closing it closes
 * both (the services keep running).
 */
public record Session(Profile profile, RegistryGateway registry, ClusterDirectory clusters) implements AutoCloseable {

    public Session {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(clusters, "clusters");
    }

    public String account() {
        return registry.account();
    }

    @Override
    public void close() {
        registry.close();
        clusters.close();
    }
}
