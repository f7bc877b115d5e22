package dev.br2k.cli.deploy;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Adds replicas: each new etcd member is added first (member add), then its replica starts and restores as a Learner.")
public final class AddCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterOptions options;

    @Parameters(arity = "0..1", defaultValue = "1", paramLabel = "COUNT", description = "How many (default: ${DEFAULT-VALUE}).")
    int count;

    @Override
    public Integer call() {
        try (ClusterTarget target = ClusterTarget.open(common, options)) {
            common.progress("Adding " + count + " replica(s) to " + target.describe() + " ...");
            ProgressPrinter.result(common.out(), target.run("add", () -> target.cluster().add(count, new ProgressPrinter(common))));
            return ExitCode.OK;
        }
    }
}
