package dev.br2k.cli.context;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ServiceRegistryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import dev.br2k.cli.chain.ServiceRegistries;
import dev.br2k.registry.RegistryClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add-service-registry", mixinStandardHelpOptions = true,
        description = "Adds a deployed BR2K service registry contract (chain RPC URL, contract address, your keystore) for 'register' and 'view-service'.")
public final class AddServiceRegistryCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(paramLabel = "NAME", description = "What to call it.")
    String name;

    @Option(names = "--rpc-url", required = true, paramLabel = "URL", description = "The chain's JSON-RPC URL.")
    String rpcUrl;

    @Option(names = "--address", required = true, paramLabel = "0x...", description = "The registry contract's address.")
    String address;

    @Option(names = "--keystore", paramLabel = "FILE", description = "Your V3 keystore (JSON) for transactions.")
    Path keystore;

    @Option(names = "--use", description = "Make it the current service registry.")
    boolean use;

    @Option(names = "--chain-id", paramLabel = "ID", description = "The chain the registry lives on (default: asked from the node, "
            + "which must then answer). Kept: a node of another chain is refused later.")
    Long chainId;

    @Override
    public Integer call() {
        if (!rpcUrl.matches("(?i)(https?|wss?)://\\S+")) {
            throw new CliException(ExitCode.USAGE, "--rpc-url '" + rpcUrl + "' must be an http(s):// or ws(s):// URL");
        }
        if (!address.matches("0x[0-9a-fA-F]{40}")) {
            throw new CliException(ExitCode.USAGE, "--address '" + address + "' must be 0x and 40 hex digits");
        }
        if (keystore != null && !Files.isRegularFile(keystore)) {
            throw new CliException(ExitCode.USAGE, "--keystore " + keystore + " is not a readable file");
        }
        if (chainId != null && chainId <= 0) {
            throw new CliException(ExitCode.USAGE, "--chain-id must be a positive number, was " + chainId);
        }
        Br2kHome home = common.home();
        ServiceRegistryEntry entry = new ServiceRegistryEntry(Br2kHome.checkName("service registry", name),
                rpcUrl, address, Optional.ofNullable(keystore).map(p -> p.toAbsolutePath().normalize()),
                chainId == null ? OptionalLong.empty() : OptionalLong.of(chainId));
        entry = checked(entry);
        home.save(home.config().withServiceRegistry(entry, use));
        common.out().println("Service registry \"" + name + "\" (" + address + " on " + rpcUrl + ", chain "
                + entry.chainId().getAsLong() + ") added.");
        return ExitCode.OK;
    }

    /**
     * The entry pinned to the node's chain, after checking that the address holds a BR2K registry
     * (and, with --chain-id, that the node serves that chain). With --chain-id and no answer from
     * the node, the entry is kept as given: the check happens on first use.
     */
    private ServiceRegistryEntry checked(ServiceRegistryEntry entry) {
        try (RegistryClient client = ServiceRegistries.connect(entry, null)) {
            return entry.withChainId(client.chainId());
        } catch (CliException e) {
            if (e.exitCode() == ExitCode.USAGE || entry.chainId().isEmpty()) {
                throw e.exitCode() == ExitCode.USAGE ? e : new CliException(e.exitCode(), e.getMessage()
                        + "; start the node, or pass --chain-id ID to add the registry without asking it");
            }
            common.progress("The node at " + entry.rpcUrl() + " did not answer: the registry is added on chain "
                    + entry.chainId().getAsLong() + " unchecked.");
            return entry;
        }
    }
}
