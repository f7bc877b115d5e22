package dev.br2k.cli.context;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ImageRegistryEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add-image-registry", mixinStandardHelpOptions = true,
        description = "Adds an OCI image registry (Harbor or any registry-API server) that 'br2k build --push', 'push', 'list' and 'rmi' use.")
public final class AddImageRegistryCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(index = "0", paramLabel = "NAME", description = "What to call it.")
    String name;

    @Parameters(index = "1", paramLabel = "HOST:PORT", description = "The registry's address, without a scheme.")
    String server;

    @Option(names = "--insecure", description = "Plain HTTP (a registry on this machine or a lab network).")
    boolean insecure;

    @Option(names = "--use", description = "Make it the current image registry.")
    boolean use;

    @Override
    public Integer call() {
        if (!server.matches("[^/\\s]+")) {
            throw new CliException(ExitCode.USAGE, "'" + server + "' must be host:port without a scheme or path, e.g. 127.0.0.1:5000");
        }
        Br2kHome home = common.home();
        home.save(home.config().withImageRegistry(new ImageRegistryEntry(Br2kHome.checkName("image registry", name), server, insecure), use));
        common.out().println("Image registry \"" + name + "\" (" + server + ") added.");
        return ExitCode.OK;
    }
}
