package dev.br2k.cli.deploy;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.chain.SignerOptions;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.operations.OperationOutcome;
import dev.br2k.operations.ServiceOperations;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code add} and {@code reduce}: {@link ServiceOperations} checks the chain (registration, manager,
 * [1, registered maximum], a dry run of the transaction), changes the cluster by COUNT replicas, sets the
 * registered replica count to what the cluster has, and reads both back. A refused command changes nothing.
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

    private final String name;

    ScaleCommand(String name) {
        this.name = name;
    }

    /** The operation itself. */
    abstract OperationOutcome change(ServiceOperations operations, int count, ProgressListener listener);

    /** "Adding 2 replica(s) to" */
    abstract String progressLine(int count);

    @Override
    public final Integer call() {
        if (count < 0) {
            throw new CliException(ExitCode.USAGE, "COUNT must be 0 or more, was " + count);
        }
        try (ClusterTarget target = ClusterTarget.open(common, options, RegistryConnection.entry(common, registryOptions))) {
            Optional<RegistryConnection> registry = RegistryConnection.open(common, registryOptions, signer);
            try {
                if (registry.isEmpty() && count == 0) {
                    throw new CliException(ExitCode.USAGE, name + " 0 only sets the service registry's replica count, and no registry is in use: "
                            + "add one with 'br2k add-service-registry', or pass --registry NAME (without --no-registry)");
                }
                ServiceOperations operations = RegistryConnection.operations(target.cluster(), registry);
                common.progress(count == 0 ? "Setting the registered replica count of " + target.describe() + " to the cluster's ..."
                        : progressLine(count) + " " + target.describe() + " ...");
                OperationOutcome outcome = OperationRunner.run(common, target, name,
                        () -> change(operations, count, new ProgressPrinter(common)));
                if (count == 0) {
                    common.out().println(name + ": no replica changed; " + outcome.replicas() + " replicas");
                }
                outcome.registeredBefore().ifPresent(before -> common.out().println(outcome.transaction()
                        .map(t -> "registry: replica count " + before + " -> " + outcome.replicas() + " (transaction "
                                + t.transactionHash() + ", block " + t.blockNumber() + ")")
                        .orElse("registry: replica count of " + operations.service() + " is " + outcome.replicas() + " already")));
                return ExitCode.OK;
            } finally {
                registry.ifPresent(RegistryConnection::close);
            }
        }
    }
}
