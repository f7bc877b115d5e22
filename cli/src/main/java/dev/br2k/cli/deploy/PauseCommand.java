package dev.br2k.cli.deploy;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Stops every replica and keeps their data; 'br2k spray' resumes the service at its size.")
public final class PauseCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterOptions options;

    @Override
    public Integer call() {
        try (ClusterTarget target = ClusterTarget.open(common, options)) {
            common.progress("Pausing " + target.describe() + " ...");
            ProgressPrinter.result(common.out(), target.run("pause", () -> target.cluster().pause(new ProgressPrinter(common))));
            return ExitCode.OK;
        }
    }
}
