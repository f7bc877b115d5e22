package dev.br2k.cli.context;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.ContextEntry;
import dev.br2k.cli.home.ContextKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "cur-context", mixinStandardHelpOptions = true, description = "Shows the current context.")
public final class CurContextCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Override
    public Integer call() {
        ContextEntry entry = Contexts.select(common.home(), null);
        common.out().println(entry.name());
        if (entry.kind() == ContextKind.KUBERNETES) {
            var d = Contexts.deployment(entry);
            common.out().println("  kind:      kubernetes");
            common.out().println("  service:   " + d.service());
            common.out().println("  server:    " + d.apiServer().or(d::kubeconfigContext).orElse("(kubeconfig)"));
            common.out().println("  namespace: " + d.namespace());
            common.out().println("  image:     " + d.image());
            common.out().println("  replicas:  " + d.replicas() + " (max " + d.maxReplicas() + ")");
        } else {
            common.out().println("  kind:      local");
            common.out().println("  service:   " + entry.service().orElseThrow());
            common.out().println("  base dir:  " + entry.baseDir().orElseThrow());
        }
        return ExitCode.OK;
    }
}
