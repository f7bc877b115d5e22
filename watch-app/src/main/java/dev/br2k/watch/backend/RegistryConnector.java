package dev.br2k.watch.backend;

import org.web3j.crypto.Credentials;

/** Opens a {@link RegistryGateway}: connects to the node and checks a registry is deployed at the address. */
@FunctionalInterface
public interface RegistryConnector {

    /**
     * @throws dev.br2k.registry.RegistryUnavailableException if the node does not answer
     * @throws dev.br2k.registry.RegistryException             if no registry is deployed at {@code registryAddress}
     */
    RegistryGateway connect(String rpcUrl, String registryAddress, Credentials credentials);
}
