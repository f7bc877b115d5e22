package dev.br2k.cli.deploy;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.chain.ServiceRegistries;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.operations.RegistryClientChain;
import dev.br2k.operations.ServiceOperations;
import dev.br2k.registry.RegistryClient;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "recovery", mixinStandardHelpOptions = true,
        description = {"Replaces failed replicas (they rejoin and restore as Learners). When nothing of the service is left,",
                "redeploys it from the service registry's recovery information (replica count, image, newest backup).",
                "The registry is read first (no transaction, no keystore); --no-registry recovers from the context alone."})
public final class RecoveryCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterOptions options;

    @Option(names = "--registry", paramLabel = "NAME", description = "Service registry to read recovery information from (default: the current one, if any).")
    String registry;

    @Option(names = "--no-registry", description = "Recover from the context alone, without the registry's recovery information.")
    boolean noRegistry;

    @Override
    public Integer call() {
        Optional<ServiceRegistryEntry> entry = noRegistry ? Optional.empty() : registryEntry();
        try (ClusterTarget target = ClusterTarget.open(common, options, entry)) {
            try (RegistryClient client = entry.map(e -> ServiceRegistries.connect(e, null)).orElse(null)) {
                ServiceOperations operations = client == null ? ServiceOperations.clusterOnly(target.cluster())
                        : ServiceOperations.of(target.cluster(), new RegistryClientChain(client, false));
                common.progress("Recovering " + target.describe() + " ...");
                OperationRunner.run(common, target, "recovery", () -> operations.recover(new ProgressPrinter(common)));
                return ExitCode.OK;
            }
        }
    }

    private Optional<ServiceRegistryEntry> registryEntry() {
        var config = common.home().config();
        return registry != null ? Optional.of(ServiceRegistries.select(common.home(), registry))
                : config.currentServiceRegistry().flatMap(config::serviceRegistry);
    }
}
