package dev.br2k.cli.home;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployed BR2K service registry contract and the account that uses it.
 *
 * @param name     what commands call it
 * @param rpcUrl   the chain's JSON-RPC URL
 * @param address  the registry contract's address
 * @param keystore the operator's V3 keystore, if one is set
 */
public record ServiceRegistryEntry(String name, String rpcUrl, String address, Optional<Path> keystore) {
    public ServiceRegistryEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(keystore, "keystore");
    }
}
