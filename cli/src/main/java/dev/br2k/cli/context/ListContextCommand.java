package dev.br2k.cli.context;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.ContextEntry;
import dev.br2k.cli.home.ContextKind;
import dev.br2k.cli.home.HomeConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list-context", mixinStandardHelpOptions = true, description = "Lists the contexts; * marks the current one.")
public final class ListContextCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Override
    public Integer call() {
        HomeConfig config = common.home().config();
        if (config.contexts().isEmpty()) {
            common.out().println("No contexts. Add one with 'br2k set-context FILE' or 'br2k sandbox up'.");
            return ExitCode.OK;
        }
        common.out().printf("%-2s%-20s %-11s %-16s %s%n", "", "NAME", "KIND", "SERVICE", "TARGET");
        for (ContextEntry c : config.contexts()) {
            String mark = config.currentContext().map(c.name()::equals).orElse(false) ? "*" : "";
            String service;
            String target;
            if (c.kind() == ContextKind.KUBERNETES) {
                try {
                    var d = Contexts.deployment(c);
                    service = d.service();
                    target = d.apiServer().or(d::kubeconfigContext).orElse("(kubeconfig)") + " ns=" + d.namespace();
                } catch (RuntimeException e) {
                    service = "?";
                    target = "broken: " + e.getMessage();
                }
            } else {
                service = c.service().orElse("?");
                target = c.baseDir().map(Object::toString).orElse("?");
            }
            common.out().printf("%-2s%-20s %-11s %-16s %s%n", mark, c.name(), c.kind().label(), service, target);
        }
        return ExitCode.OK;
    }
}
