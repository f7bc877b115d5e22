package dev.br2k.cli.home;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A deployed BR2K service registry contract and the account that uses it.
 *
 * @param name     what commands call it
 * @param rpcUrl   the chain's JSON-RPC URL
 * @param address  the registry contract's address
 * @param keystore the operator's V3 keystore, if one is set
 * @param chainId  the chain the registry was recorded on; a node of another chain is refused
 */
public record ServiceRegistryEntry(String name, String rpcUrl, String address, Optional<Path> keystore, OptionalLong chainId) {
    public ServiceRegistryEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(chainId, "chainId");
    }

    /** An entry whose chain is not pinned (yet). */
    public ServiceRegistryEntry(String name, String rpcUrl, String address, Optional<Path> keystore) {
        this(name, rpcUrl, address, keystore, OptionalLong.empty());
    }

    /** The same entry, pinned to {@code chainId}. */
    public ServiceRegistryEntry withChainId(long chainId) {
        return new ServiceRegistryEntry(name, rpcUrl, address, keystore, OptionalLong.of(chainId));
    }
}
