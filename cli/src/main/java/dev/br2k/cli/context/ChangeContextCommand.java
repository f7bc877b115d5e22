package dev.br2k.cli.context;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "change-context", mixinStandardHelpOptions = true, description = "Makes another context the current one.")
public final class ChangeContextCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(paramLabel = "NAME", description = "A context from 'br2k list-context'.")
    String name;

    @Override
    public Integer call() {
        Br2kHome home = common.home();
        Contexts.select(home, name);
        home.save(home.config().withCurrentContext(name));
        common.out().println("Current context: " + name);
        return ExitCode.OK;
    }
}
