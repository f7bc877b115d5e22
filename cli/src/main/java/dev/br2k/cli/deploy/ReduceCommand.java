package dev.br2k.cli.deploy;

import dev.br2k.cluster.ProgressListener;
import dev.br2k.operations.OperationOutcome;
import dev.br2k.operations.ServiceOperations;
import picocli.CommandLine.Command;

@Command(name = "reduce", mixinStandardHelpOptions = true,
        description = {"Removes replicas, highest index first: the etcd member is removed first, then its replica stops.",
                "The chain is checked first (manager, registered maximum, a dry run of the transaction); then the cluster changes,",
                "then it sets the service's replica count in the service registry (the current one, or --registry); at least 1",
                "must stay, which is checked before anything changes. --no-registry changes only the cluster."})
public final class ReduceCommand extends ScaleCommand {
    public ReduceCommand() {
        super("reduce");
    }

    @Override
    OperationOutcome change(ServiceOperations operations, int count, ProgressListener listener) {
        return operations.reduce(count, listener);
    }

    @Override
    String progressLine(int count) {
        return "Removing " + count + " replica(s) from";
    }
}
