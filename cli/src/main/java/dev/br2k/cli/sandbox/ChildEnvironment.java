package dev.br2k.cli.sandbox;

import dev.br2k.cli.chain.ServiceRegistries;
import java.util.Map;
import java.util.Set;

/**
 * What the sandbox's child processes (anvil, the Watch, the request client) may inherit from the
 * CLI's environment: everything but its secrets. The keystore password the CLI was given is for
 * the CLI alone.
 */
final class ChildEnvironment {
    /** Variables never passed on to a child process. */
    static final Set<String> SECRETS = Set.of(ServiceRegistries.PASSWORD_ENV);

    private ChildEnvironment() {
    }

    /** Removes the secrets from a {@link ProcessBuilder#environment()} (inherited or added). */
    static void scrub(Map<String, String> environment) {
        SECRETS.forEach(environment::remove);
    }
}
