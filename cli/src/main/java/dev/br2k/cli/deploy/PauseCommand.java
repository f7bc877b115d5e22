package dev.br2k.cli.deploy;

import dev.br2k.cluster.ProgressListener;
import dev.br2k.operations.OperationOutcome;
import dev.br2k.operations.ServiceOperations;
import picocli.CommandLine.Command;

@Command(name = "pause", mixinStandardHelpOptions = true,
        description = {"Stops every replica and keeps their data; 'br2k resume' brings the service back at its size and reports RUNNING",
                "('br2k spray' brings the replicas back too, but leaves the registry's run state as it is).",
                "With a service registry (the current one, or --registry) the chain is checked first and the run state",
                "becomes STOPPED after the cluster stopped. --no-registry changes only the cluster."})
public final class PauseCommand extends RunStateCommand {
    public PauseCommand() {
        super("pause");
    }

    @Override
    OperationOutcome change(ServiceOperations operations, ProgressListener listener) {
        return operations.pause(listener);
    }

    @Override
    String progressLine() {
        return "Pausing";
    }
}
