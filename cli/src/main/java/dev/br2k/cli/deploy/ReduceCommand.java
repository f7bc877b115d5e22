package dev.br2k.cli.deploy;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import picocli.CommandLine.Command;

@Command(name = "reduce", mixinStandardHelpOptions = true,
        description = {"Removes replicas, highest index first: the etcd member is removed first, then its replica stops.",
                "Then sets the service's replica count in the service registry (the current one, or --registry); at least 1",
                "must stay, which is checked before anything changes. --no-registry changes only the cluster."})
public final class ReduceCommand extends ScaleCommand {
    public ReduceCommand() {
        super("reduce", -1);
    }

    @Override
    OperationResult change(Br2kCluster cluster, int count, ProgressListener listener) {
        return cluster.reduce(count, listener);
    }

    @Override
    String progressLine(int count) {
        return "Removing " + count + " replica(s) from";
    }
}
