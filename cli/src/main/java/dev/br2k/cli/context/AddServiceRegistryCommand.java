package dev.br2k.cli.context;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ServiceRegistryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
        Br2kHome home = common.home();
        home.save(home.config().withServiceRegistry(new ServiceRegistryEntry(Br2kHome.checkName("service registry", name),
                rpcUrl, address, Optional.ofNullable(keystore).map(p -> p.toAbsolutePath().normalize())), use));
        common.out().println("Service registry \"" + name + "\" (" + address + " on " + rpcUrl + ") added.");
        return ExitCode.OK;
    }
}
