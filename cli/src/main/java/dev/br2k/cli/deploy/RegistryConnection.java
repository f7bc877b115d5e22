package dev.br2k.cli.deploy;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.chain.ServiceRegistries;
import dev.br2k.cli.chain.SignerOptions;
import dev.br2k.cli.home.HomeConfig;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.cluster.Br2kCluster;
import dev.br2k.operations.RegistryClientChain;
import dev.br2k.operations.ServiceOperations;
import dev.br2k.registry.RegistryClient;
import java.nio.file.Path;
import java.util.Optional;
import org.web3j.crypto.Credentials;

/**
 * The service registry an operation keeps in step ({@code --registry NAME}, else the current one), signed
 * with the keystore of {@link SignerOptions}. The checks and the transaction themselves are
 * {@link ServiceOperations}'; this only selects the registry and opens the keystore.
 */
final class RegistryConnection implements AutoCloseable {
    static final String SKIP = "pass --no-registry to change only the cluster";

    private final ServiceRegistryEntry entry;
    private final RegistryClient client;

    private RegistryConnection(ServiceRegistryEntry entry, RegistryClient client) {
        this.entry = entry;
        this.client = client;
    }

    /** Empty with {@code --no-registry} or when no registry is set (said on stderr). */
    static Optional<RegistryConnection> open(Common common, RegistryOptions options, SignerOptions signer) {
        if (options.noRegistry) {
            if (options.registry != null) {
                throw new CliException(ExitCode.USAGE, "--registry and --no-registry contradict each other: pass one of them");
            }
            return Optional.empty();
        }
        HomeConfig config = common.home().config();
        Optional<ServiceRegistryEntry> selected = options.registry != null
                ? Optional.of(ServiceRegistries.select(common.home(), options.registry))
                : config.currentServiceRegistry().flatMap(config::serviceRegistry);
        if (selected.isEmpty()) {
            common.progress("No service registry is set: only the cluster changes.");
            return Optional.empty();
        }
        ServiceRegistryEntry entry = selected.get();
        Path keystore = signer.keystore(entry, "or " + SKIP);
        Credentials credentials = signer.credentials(common, keystore);
        return Optional.of(new RegistryConnection(entry, ServiceRegistries.connect(entry, credentials)));
    }

    /** The registry the options select, read-only use (no keystore): empty with {@code --no-registry} or when none is set. */
    static Optional<ServiceRegistryEntry> entry(Common common, RegistryOptions options) {
        if (options.noRegistry) {
            return Optional.empty();
        }
        HomeConfig config = common.home().config();
        return options.registry != null ? Optional.of(ServiceRegistries.select(common.home(), options.registry))
                : config.currentServiceRegistry().flatMap(config::serviceRegistry);
    }

    /** The operations on {@code cluster}, with this registry or (empty) the cluster alone. */
    static ServiceOperations operations(Br2kCluster cluster, Optional<RegistryConnection> registry) {
        if (registry.isEmpty()) {
            return ServiceOperations.clusterOnly(cluster);
        }
        RegistryConnection r = registry.get();
        RegistryClientChain chain = new RegistryClientChain(r.client, true);
        return r.entry.chainId().isPresent() ? ServiceOperations.of(cluster, chain, r.entry.chainId().getAsLong())
                : ServiceOperations.of(cluster, chain);
    }

    String name() {
        return entry.name();
    }

    @Override
    public void close() {
        client.close();
    }
}
