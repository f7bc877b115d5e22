package dev.br2k.cli.deploy;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.chain.ServiceRegistries;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.cluster.RecoveryPlan;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.ServiceId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "recovery", mixinStandardHelpOptions = true,
        description = {"Replaces failed replicas (they rejoin and restore as Learners). When nothing of the service is left,",
                "redeploys it from the service registry's recovery information (replica count, image, newest backup)."})
public final class RecoveryCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterOptions options;

    @Option(names = "--registry", paramLabel = "NAME", description = "Service registry to read recovery information from (default: the current one, if any).")
    String registry;

    @Override
    public Integer call() {
        try (ClusterTarget target = ClusterTarget.open(common, options)) {
            common.progress("Recovering " + target.describe() + " ...");
            RecoverySource source = registrySource();
            ProgressPrinter.result(common.out(), target.run("recovery", () -> target.cluster().recover(source, new ProgressPrinter(common))));
            return ExitCode.OK;
        }
    }

    private RecoverySource registrySource() {
        var config = common.home().config();
        Optional<ServiceRegistryEntry> entry = registry != null ? Optional.of(ServiceRegistries.select(common.home(), registry))
                : config.currentServiceRegistry().flatMap(config::serviceRegistry);
        if (entry.isEmpty()) {
            return RecoverySource.NONE;
        }
        return service -> {
            try (RegistryClient client = ServiceRegistries.connect(entry.get(), null)) {
                return client.findService(ServiceId.ofName(service)).map(s -> new RecoveryPlan(service, Math.max(1, s.replicaCount()),
                        Optional.of(s.details().imageLocation()).filter(i -> !i.isEmpty()),
                        s.backupCount() > 0 ? Optional.of(Long.toString(s.backupCount())) : Optional.empty()));
            } catch (RegistryException e) {
                common.progress("  the service registry cannot be read (" + e.getMessage() + "); recovering from the context alone");
                return Optional.empty();
            }
        };
    }
}
