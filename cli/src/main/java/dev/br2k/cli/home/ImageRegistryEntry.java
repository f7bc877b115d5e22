package dev.br2k.cli.home;

import java.util.Objects;

/**
 * An OCI image registry (Harbor, or anything speaking the registry API).
 *
 * @param name     what commands call it
 * @param server   {@code host:port}
 * @param insecure plain HTTP (a registry on this machine)
 */
public record ImageRegistryEntry(String name, String server, boolean insecure) {
    public ImageRegistryEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(server, "server");
    }
}
