package dev.br2k.cli.deploy;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.chain.SignerOptions;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.operations.OperationOutcome;
import dev.br2k.operations.ServiceOperations;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * {@code pause} and {@code resume}: {@link ServiceOperations} checks the chain (manager or operator, a dry
 * run of {@code setRunState}), changes the cluster, then reports the run state on the registry.
 */
abstract class RunStateCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterOptions options;

    @Mixin
    RegistryOptions registryOptions;

    @Mixin
    SignerOptions signer;

    private final String name;

    RunStateCommand(String name) {
        this.name = name;
    }

    abstract OperationOutcome change(ServiceOperations operations, ProgressListener listener);

    abstract String progressLine();

    @Override
    public final Integer call() {
        try (ClusterTarget target = ClusterTarget.open(common, options)) {
            Optional<RegistryConnection> registry = RegistryConnection.open(common, registryOptions, signer);
            try {
                ServiceOperations operations = RegistryConnection.operations(target.cluster(), registry);
                common.progress(progressLine() + " " + target.describe() + " ...");
                OperationRunner.run(common, target, name, () -> change(operations, new ProgressPrinter(common)));
                return ExitCode.OK;
            } finally {
                registry.ifPresent(RegistryConnection::close);
            }
        }
    }
}
