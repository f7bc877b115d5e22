package dev.br2k.cli.deploy;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.chain.SignerOptions;
import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code add} and {@code reduce}: change the cluster by COUNT replicas, then set the service's replica
 * count in the service registry to what the cluster has. Everything the registry update needs (keystore,
 * password, the registration, the manager, [1, registered maximum]) is checked before the cluster
 * changes, so a refused command changes nothing.
 */
abstract class ScaleCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterOptions options;

    @Mixin
    RegistryOptions registryOptions;

    @Mixin
    SignerOptions signer;

    @Parameters(arity = "0..1", defaultValue = "1", paramLabel = "COUNT",
            description = "How many (default: ${DEFAULT-VALUE}; 0 changes no replica and sets the registry's count to the cluster's).")
    int count;

    /** +1 for add, -1 for reduce. */
    private final int sign;
    private final String name;

    ScaleCommand(String name, int sign) {
        this.name = name;
        this.sign = sign;
    }

    /** The cluster operation itself. */
    abstract OperationResult change(Br2kCluster cluster, int count, ProgressListener listener);

    /** "Adding 2 replica(s) to" */
    abstract String progressLine(int count);

    @Override
    public final Integer call() {
        if (count < 0) {
            throw new CliException(ExitCode.USAGE, "COUNT must be 0 or more, was " + count);
        }
        try (ClusterTarget target = ClusterTarget.open(common, options);
             RegisteredReplicas registry = RegisteredReplicas.open(common, registryOptions, signer, target.cluster().service())
                     .orElse(null)) {
            if (registry == null && count == 0) {
                throw new CliException(ExitCode.USAGE, name + " 0 only sets the service registry's replica count, and no registry is in use: "
                        + "add one with 'br2k add-service-registry', or pass --registry NAME (without --no-registry)");
            }
            int now = -1;
            if (registry != null) {
                now = target.run("state", () -> target.cluster().state()).desiredReplicas();
                registry.check(now, now + sign * count, name + " " + count);
            }
            int after;
            if (count == 0) {
                after = now;
                common.out().println(name + ": no replica changed; " + after + " replicas");
            } else {
                common.progress(progressLine(count) + " " + target.describe() + " ...");
                OperationResult result = target.run(name, () -> change(target.cluster(), count, new ProgressPrinter(common)));
                ProgressPrinter.result(common.out(), result);
                after = result.replicasAfter();
            }
            if (registry != null) {
                registry.update(after);
            }
            return ExitCode.OK;
        }
    }
}
