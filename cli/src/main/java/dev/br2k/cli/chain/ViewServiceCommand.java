package dev.br2k.cli.chain;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "view-service", mixinStandardHelpOptions = true,
        description = "Shows what the service registry holds about a service: location, manager, run state, replicas, image, backups.")
public final class ViewServiceCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(paramLabel = "SERVICE", description = "Service name (or its 0x id).")
    String service;

    @Option(names = "--registry", paramLabel = "NAME", description = "Service registry (default: the current one).")
    String registry;

    @Override
    public Integer call() {
        ServiceRegistryEntry entry = ServiceRegistries.select(common.home(), registry);
        ServiceId id = service.matches("0x[0-9a-fA-F]{64}") ? ServiceId.fromHex(service) : ServiceId.ofName(service);
        try (RegistryClient client = ServiceRegistries.connect(entry, null)) {
            ServiceInfo s = client.findService(id).orElseThrow(() -> CliException.notConfigured(
                    service + " is not registered on " + entry.address() + ": register it with 'br2k register'"));
            PrintWriter out = common.out();
            out.println(s.name());
            out.println("  id:           " + s.id());
            out.println("  description:  " + s.details().description());
            out.println("  location:     " + (s.location().isEmpty() ? "(none yet)" : s.location()));
            out.println("  run state:    " + s.runState());
            out.println("  replicas:     " + s.replicaCount() + " (max " + s.maxReplicas() + ")");
            out.println("  manager:      " + s.manager());
            out.println("  deployer:     " + s.deployer());
            out.println("  operators:    " + (s.operators().isEmpty() ? "(none)" : String.join(", ", s.operators())));
            out.println("  contextHash:  " + (java.util.Arrays.equals(s.details().contextHash(), new byte[32]) ? "(none)"
                    : java.util.HexFormat.of().formatHex(s.details().contextHash())));
            out.println("  image:        " + (s.details().imageLocation().isEmpty() ? "(none)" : s.details().imageLocation()));
            out.println("  backups:      " + s.backupCount()
                    + (s.lastBackupBlock().isPresent() ? " (newest in block " + s.lastBackupBlock().getAsLong() + ")" : ""));
            out.println("  read at block " + s.readAtBlock());
            return ExitCode.OK;
        } catch (RegistryException e) {
            throw CliException.unreachable("reading " + service + " from " + entry.rpcUrl() + " failed: " + e.getMessage(), e);
        }
    }
}
