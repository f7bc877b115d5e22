package dev.br2k.cli.chain;

import dev.br2k.cli.CliException;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.HomeConfig;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.registry.ChainMismatchException;
import dev.br2k.registry.NotARegistryException;
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
     * Opens the keystore with the password from {@code --password-stdin}, else {@value #PASSWORD_ENV},
     * else asked on the terminal (not echoed). Decryption takes a moment (scrypt).
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
            password = askOnTerminal(keystore);
        }
        if (password == null) {
            throw new CliException(ExitCode.USAGE, "the keystore " + keystore + " needs its password: pipe it to --password-stdin, set "
                    + PASSWORD_ENV + ", or run the command in a terminal to be asked");
        }
        try {
            return Keystores.load(keystore, password);
        } catch (KeystorePasswordException e) {
            throw new CliException(ExitCode.USAGE, "the password does not open " + keystore + ": " + e.getMessage());
        } catch (KeystoreUnreadableException e) {
            throw CliException.badFile(e.getMessage());
        }
    }

    /**
     * Connects to the registry of {@code entry}, checking that the address holds a BR2K service
     * registry and, if the entry is pinned, that the node serves the entry's chain.
     */
    /** The password typed on the terminal (not echoed); null without a terminal. */
    private static String askOnTerminal(Path keystore) {
        java.io.Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] typed = console.readPassword("Password for %s: ", keystore.getFileName());
        if (typed == null) {
            return null;
        }
        try {
            return new String(typed);   // web3j decrypts from a String; the typed characters are wiped
        } finally {
            java.util.Arrays.fill(typed, '\0');
        }
    }

    /** The first line of {@code file}; a missing or empty file is a usage error. */
    public static String passwordFromFile(Path file) {
        try (BufferedReader reader = java.nio.file.Files.newBufferedReader(file)) {
            String line = reader.readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "the password file " + file + " is empty: write the password on its first line");
            }
            return line;
        } catch (IOException e) {
            throw new CliException(ExitCode.USAGE, "cannot read the password file " + file + ": " + e.getMessage());
        }
    }

    public static RegistryClient connect(ServiceRegistryEntry entry, Credentials credentials) {
        try {
            RegistryClient.Builder builder = RegistryClient.builder().rpcUrl(entry.rpcUrl()).registryAddress(entry.address());
            entry.chainId().ifPresent(builder::chainId);
            if (credentials != null) {
                builder.credentials(credentials);
            }
            return builder.build();
        } catch (ChainMismatchException e) {
            throw new CliException(ExitCode.USAGE, "service registry \"" + entry.name() + "\": " + e.getMessage()
                    + " (br2k add-service-registry " + entry.name() + " records it again)");
        } catch (NotARegistryException e) {
            throw new CliException(ExitCode.USAGE, "service registry \"" + entry.name() + "\": " + e.getMessage());
        } catch (RegistryException e) {
            throw CliException.unreachable("service registry \"" + entry.name() + "\" at " + entry.rpcUrl() + ": " + e.getMessage(), e);
        }
    }
}
