package dev.br2k.cli.context;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ContextEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "rm-context", mixinStandardHelpOptions = true,
        description = "Removes a context (and its copy of the context file). The service itself keeps running.")
public final class RmContextCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(paramLabel = "NAME", description = "A context from 'br2k list-context'.")
    String name;

    @Override
    public Integer call() throws IOException {
        Br2kHome home = common.home();
        ContextEntry entry = Contexts.select(home, name);
        home.save(home.config().withoutContext(name));
        if (entry.file().isPresent() && entry.file().get().startsWith(home.contextsDir())) {
            Files.deleteIfExists(entry.file().get());
        }
        common.out().println("Context \"" + name + "\" removed.");
        return ExitCode.OK;
    }
}
