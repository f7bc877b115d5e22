package dev.br2k.cli.chain;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.home.ServiceRegistryEntry;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;
import picocli.CommandLine.Option;

/** The keystore a command signs registry transactions with, and where its password comes from. */
public final class SignerOptions {
    @Option(names = "--keystore", paramLabel = "FILE", description = "Your V3 keystore (default: the registry's).")
    Path keystore;

    @Option(names = "--password-stdin", description = "Read the keystore password from standard input (else $BR2K_KEYSTORE_PASSWORD).")
    boolean passwordStdin;

    /** {@code --keystore}, else the registry's; none is a {@link CliException} (exit 5) ending with {@code otherwise}. */
    public Path keystore(ServiceRegistryEntry entry, String otherwise) {
        if (keystore != null) {
            return keystore;
        }
        return entry.keystore().orElseThrow(() -> CliException.notConfigured("service registry \"" + entry.name()
                + "\" has no keystore: pass --keystore FILE, " + otherwise));
    }

    /** Opens {@code keystore} (scrypt: it takes a moment); a missing or wrong password is exit 2. */
    public Credentials credentials(Common common, Path keystore) {
        common.progress("Opening keystore " + keystore + " ...");
        return ServiceRegistries.credentials(keystore, passwordStdin, common.env());
    }
}
