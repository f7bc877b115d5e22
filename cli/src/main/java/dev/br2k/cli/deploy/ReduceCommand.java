package dev.br2k.cli.deploy;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "reduce", mixinStandardHelpOptions = true,
        description = "Removes replicas, highest index first: the etcd member is removed first, then its replica stops.")
public final class ReduceCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterOptions options;

    @Parameters(arity = "0..1", defaultValue = "1", paramLabel = "COUNT", description = "How many (default: ${DEFAULT-VALUE}).")
    int count;

    @Override
    public Integer call() {
        try (ClusterTarget target = ClusterTarget.open(common, options)) {
            common.progress("Removing " + count + " replica(s) from " + target.describe() + " ...");
            ProgressPrinter.result(common.out(), target.run("reduce", () -> target.cluster().reduce(count, new ProgressPrinter(common))));
            return ExitCode.OK;
        }
    }
}
