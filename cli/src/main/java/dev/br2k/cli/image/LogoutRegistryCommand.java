package dev.br2k.cli.image;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "logout-registry", mixinStandardHelpOptions = true, description = "Forgets the login for an image registry.")
public final class LogoutRegistryCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(paramLabel = "REGISTRY", description = "A registry name, or HOST:PORT.")
    String registry;

    @Override
    public Integer call() {
        Br2kHome home = common.home();
        String server = home.config().imageRegistry(registry).map(r -> r.server()).orElse(registry);
        var logins = new LinkedHashMap<>(home.logins());
        boolean removed = logins.remove(server) != null;
        home.saveLogins(logins);
        common.out().println(removed ? "Logged out of " + server + "." : "There was no login for " + server + ".");
        return ExitCode.OK;
    }
}
