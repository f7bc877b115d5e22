package dev.br2k.cli.context;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ContextEntry;
import dev.br2k.cluster.context.DeploymentContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "set-context", mixinStandardHelpOptions = true,
        description = {"Adds a context: a deployment-context file from your cluster admin (checked, then copied into the BR2K home),",
                "or with --local a service run as processes on this machine. The first context becomes current."})
public final class SetContextCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "FILE", description = "A deployment-context file (YAML or JSON).")
        Path file;

        @Option(names = "--local", paramLabel = "SERVICE", description = "A local context for this service instead of a file.")
        String localService;
    }

    @Option(names = "--name", paramLabel = "NAME", description = "Context name (default: the file's 'name', or the service).")
    String name;

    @Option(names = "--base-dir", paramLabel = "DIR", description = "With --local: where the processes keep their data (default: <home>/local).")
    Path baseDir;

    @Option(names = "--use", description = "Make it the current context.")
    boolean use;

    @Override
    public Integer call() throws IOException {
        Br2kHome home = common.home();
        var config = home.config();
        ContextEntry entry;
        if (source.file != null) {
            DeploymentContext context = Contexts.parse(source.file);
            String contextName = Br2kHome.checkName("context", name != null ? name : context.name());
            Path copy = home.contextsDir().resolve(contextName + ".yaml");
            Files.createDirectories(home.contextsDir());
            if (!copy.equals(source.file.toAbsolutePath().normalize())) {
                Files.copy(source.file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not POSIX
            }
            entry = ContextEntry.kubernetes(contextName, copy);
            Contexts.parse(copy);
        } else {
            String service = source.localService;
            if (!service.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
                throw new CliException(ExitCode.USAGE, "--local '" + service + "' is not a lower-case DNS label");
            }
            entry = ContextEntry.local(Br2kHome.checkName("context", name != null ? name : service), service,
                    (baseDir != null ? baseDir : home.dir().resolve("local")).toAbsolutePath().normalize());
        }
        home.save(config.withContext(entry, use));
        boolean current = home.config().currentContext().map(entry.name()::equals).orElse(false);
        common.out().println("Context \"" + entry.name() + "\" (" + entry.kind().label() + ") added" + (current ? "; it is current." : "."));
        return ExitCode.OK;
    }
}
