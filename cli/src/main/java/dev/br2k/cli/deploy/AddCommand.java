package dev.br2k.cli.deploy;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import picocli.CommandLine.Command;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Adds replicas: each new etcd member is added first (member add), then its replica starts and restores as a Learner.",
                "Then sets the service's replica count in the service registry (the current one, or --registry), within",
                "its registered maximum; that is checked before anything changes. --no-registry changes only the cluster."})
public final class AddCommand extends ScaleCommand {
    public AddCommand() {
        super("add", 1);
    }

    @Override
    OperationResult change(Br2kCluster cluster, int count, ProgressListener listener) {
        return cluster.add(count, listener);
    }

    @Override
    String progressLine(int count) {
        return "Adding " + count + " replica(s) to";
    }
}
