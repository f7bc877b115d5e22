package dev.br2k.cli.chain;

import dev.br2k.cli.CliException;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.HomeConfig;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.crypto.KeystorePasswordException;
import dev.br2k.registry.crypto.KeystoreUnreadableException;
import dev.br2k.registry.crypto.Keystores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Map;
import org.web3j.crypto.Credentials;

/** Picks the service registry a command means, and opens the operator's keystore. */
public final class ServiceRegistries {
    public static final String PASSWORD_ENV = "BR2K_KEYSTORE_PASSWORD";

    private ServiceRegistries() {
    }

    public static ServiceRegistryEntry select(Br2kHome home, String name) {
        HomeConfig config = home.config();
        if (name != null) {
            return config.serviceRegistry(name).orElseThrow(() -> CliException.notConfigured("there is no service registry \""
                    + name + "\"; add it with 'br2k add-service-registry " + name + " --rpc-url URL --address 0x...'"));
        }
        return config.currentServiceRegistry().flatMap(config::serviceRegistry).orElseThrow(() -> CliException.notConfigured(
                "no service registry is set: add one with 'br2k add-service-registry', or run 'br2k sandbox up'"));
    }

    /**
     * Opens the keystore with the password from {@code --password-stdin}, else {@value #PASSWORD_ENV}.
     * Decryption takes a moment (scrypt).
     */
    public static Credentials credentials(Path keystore, boolean passwordStdin, Map<String, String> env) {
        String password;
        if (passwordStdin) {
            try {
                password = new BufferedReader(new InputStreamReader(System.in)).readLine();
            } catch (IOException e) {
                throw new CliException(ExitCode.USAGE, "cannot read the password from standard input: " + e.getMessage());
            }
        } else {
            password = env.get(PASSWORD_ENV);
        }
        if (password == null) {
            throw new CliException(ExitCode.USAGE, "the keystore " + keystore + " needs its password: pipe it to --password-stdin or set "
                    + PASSWORD_ENV);
        }
        try {
            return Keystores.load(keystore, password);
        } catch (KeystorePasswordException e) {
            throw new CliException(ExitCode.USAGE, "the password does not open " + keystore + ": " + e.getMessage());
        } catch (KeystoreUnreadableException e) {
            throw CliException.badFile(e.getMessage());
        }
    }

    public static RegistryClient connect(ServiceRegistryEntry entry, Credentials credentials) {
        try {
            return credentials == null ? RegistryClient.connectReadOnly(entry.rpcUrl(), entry.address())
                    : RegistryClient.connect(entry.rpcUrl(), entry.address(), credentials);
        } catch (RegistryException e) {
            throw CliException.unreachable("service registry \"" + entry.name() + "\" at " + entry.rpcUrl() + ": " + e.getMessage(), e);
        }
    }
}
