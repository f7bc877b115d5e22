package dev.br2k.cli.deploy;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.project.ProjectFile;
import dev.br2k.cluster.OperationResult;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "spray", mixinStandardHelpOptions = true,
        description = {"Deploys the service on the context's cluster: N replicas, each an etcd member plus the service process or pod.",
                "Resumes a paused service at its size; on a running service it changes nothing (safe to re-run after a failure)."})
public final class SprayCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Mixin
    ClusterOptions options;

    @Option(names = "--replicas", description = "Replicas for a new deployment (default: the project's or the context's).")
    Integer replicas;

    @Override
    public Integer call() {
        if (options.kubeContext != null) {
            throw new CliException(ExitCode.USAGE, "spray needs the deployer's context (it holds the keystore and the image"
                    + " registry's password, which the namespace keeps only in Secrets): use --context; --kube-context is for"
                    + " add, reduce, recovery, pause, resume and state");
        }
        try (ClusterTarget target = ClusterTarget.open(common, options)) {
            int n = replicas != null ? replicas : defaultReplicas(target);
            common.progress("Deploying " + target.describe() + " with " + n + " replicas ...");
            OperationResult r = target.run("spray", () -> target.cluster().deploy(n, new ProgressPrinter(common)));
            ProgressPrinter.result(common.out(), r);
            return ExitCode.OK;
        }
    }

    private int defaultReplicas(ClusterTarget target) {
        if (target.entry().kind() == dev.br2k.cli.home.ContextKind.KUBERNETES) {
            return dev.br2k.cli.context.Contexts.deployment(target.entry()).replicas();
        }
        if (Files.exists(options.project.resolve(ProjectFile.FILE_NAME))) {
            return ProjectFile.read(options.project).replicas();
        }
        return 3;
    }
}
