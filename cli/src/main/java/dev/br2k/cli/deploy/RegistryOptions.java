package dev.br2k.cli.deploy;

import picocli.CommandLine.Option;

/**
 * Options of the commands that keep the service registry in step with the cluster ({@code add},
 * {@code reduce}): which registry, or none; the keystore is {@link dev.br2k.cli.chain.SignerOptions}.
 */
public final class RegistryOptions {
    @Option(names = "--registry", paramLabel = "NAME",
            description = "Service registry whose replica count to update (default: the current one, if any).")
    String registry;

    @Option(names = "--no-registry", description = "Change only the cluster; the registry keeps its replica count.")
    boolean noRegistry;
}
