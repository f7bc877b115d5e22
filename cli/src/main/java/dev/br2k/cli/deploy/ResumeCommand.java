package dev.br2k.cli.deploy;

import dev.br2k.cluster.ProgressListener;
import dev.br2k.operations.OperationOutcome;
import dev.br2k.operations.ServiceOperations;
import picocli.CommandLine.Command;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Brings a paused service back at its size. With a service registry (the current one, or --registry)",
                "the chain is checked first and the run state becomes RUNNING after the replicas started.",
                "--no-registry changes only the cluster."})
public final class ResumeCommand extends RunStateCommand {
    public ResumeCommand() {
        super("resume");
    }

    @Override
    OperationOutcome change(ServiceOperations operations, ProgressListener listener) {
        return operations.resume(listener);
    }

    @Override
    String progressLine() {
        return "Resuming";
    }
}
