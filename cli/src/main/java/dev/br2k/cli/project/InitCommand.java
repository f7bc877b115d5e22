package dev.br2k.cli.project;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Makes a directory a BR2K service project: writes br2k.yaml (service name, main class, class path, image, replicas).")
public final class InitCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".", description = "Project directory (default: the current one).")
    Path dir;

    @Option(names = "--service", paramLabel = "NAME", description = "Service name, a lower-case DNS label (default: the directory's name).")
    String service;

    @Option(names = "--main-class", paramLabel = "CLASS", defaultValue = "dev.example.Main",
            description = "The class whose main starts one replica (default: ${DEFAULT-VALUE}).")
    String mainClass;

    @Option(names = "--force", description = "Overwrite an existing br2k.yaml.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path project = dir.toAbsolutePath().normalize();
        Path file = project.resolve(ProjectFile.FILE_NAME);
        if (Files.exists(file) && !force) {
            throw new CliException(ExitCode.FAILED, file + " exists already; edit it, or pass --force to overwrite it");
        }
        String name = service != null ? service
                : project.getFileName().toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                        .replaceAll("^-+|-+$", "");
        if (!name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw new CliException(ExitCode.USAGE, "'" + name + "' is not a valid service name: pass --service with a lower-case DNS label");
        }
        Files.createDirectories(project);
        Files.writeString(file, ProjectFile.template(name, mainClass));
        ProjectFile.read(project); // the template must be valid
        common.out().println("Wrote " + file + " for service " + name + ". Next: build, then 'br2k build' or 'br2k spray'.");
        return ExitCode.OK;
    }
}
