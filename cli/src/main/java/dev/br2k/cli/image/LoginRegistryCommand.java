package dev.br2k.cli.image;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ImageRegistryEntry;
import dev.br2k.cli.home.RegistryLogin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "login-registry", mixinStandardHelpOptions = true,
        description = "Logs in to an image registry: checks the credentials against the registry API and keeps them in <home>/auth.yaml (owner-only).")
public final class LoginRegistryCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(paramLabel = "REGISTRY", description = "A registry name from 'add-image-registry', or HOST:PORT.")
    String registry;

    @Option(names = {"-u", "--username"}, required = true, description = "User name.")
    String username;

    @Option(names = {"-p", "--password"}, description = "Password (prefer --password-stdin: a command line is visible to others).")
    String password;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
        Br2kHome home = common.home();
        String secret = password;
        if (passwordStdin) {
            secret = new BufferedReader(new InputStreamReader(System.in)).readLine();
        }
        if (secret == null || secret.isEmpty()) {
            throw new CliException(ExitCode.USAGE, "give the password with --password-stdin (or -p)");
        }
        ImageRegistryEntry r = home.config().imageRegistry(registry)
                .orElse(new ImageRegistryEntry(registry, registry, registry.startsWith("127.") || registry.startsWith("localhost")));
        RegistryLogin login = new RegistryLogin(r.server(), username, secret);
        new OciRegistryClient(r.server(), r.insecure(), Optional.of(login)).ping();
        var logins = new LinkedHashMap<>(home.logins());
        logins.put(r.server(), login);
        home.saveLogins(logins);
        common.out().println("Logged in to " + r.server() + " as " + username + ".");
        return ExitCode.OK;
    }
}
