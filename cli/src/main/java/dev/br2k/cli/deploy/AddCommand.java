package dev.br2k.cli.deploy;

import dev.br2k.cluster.ProgressListener;
import dev.br2k.operations.OperationOutcome;
import dev.br2k.operations.ServiceOperations;
import picocli.CommandLine.Command;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Adds replicas: each new etcd member is added first (member add), then its replica starts and restores as a Learner.",
                "The chain is checked first (manager, registered maximum, a dry run of the transaction); then the cluster changes,",
                "then it sets the service's replica count in the service registry (the current one, or --registry), within",
                "its registered maximum; that is checked before anything changes. --no-registry changes only the cluster."})
public final class AddCommand extends ScaleCommand {
    public AddCommand() {
        super("add");
    }

    @Override
    OperationOutcome change(ServiceOperations operations, int count, ProgressListener listener) {
        return operations.add(count, listener);
    }

    @Override
    String progressLine(int count) {
        return "Adding " + count + " replica(s) to";
    }
}
