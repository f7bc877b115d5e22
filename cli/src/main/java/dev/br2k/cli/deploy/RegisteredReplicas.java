package dev.br2k.cli.deploy;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.chain.ServiceRegistries;
import dev.br2k.cli.chain.SignerOptions;
import dev.br2k.cli.home.HomeConfig;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import java.nio.file.Path;
import java.util.Optional;
import org.web3j.crypto.Credentials;

/**
 * A service's replica count in the service registry, as {@code add} and {@code reduce} keep it: opened
 * and checked before the cluster changes, updated after. Only the service's manager may set it.
 */
final class RegisteredReplicas implements AutoCloseable {
    private static final String SKIP = "pass --no-registry to change only the cluster";

    private final Common common;
    private final ServiceRegistryEntry entry;
    private final RegistryClient client;
    private final ServiceInfo info;

    private RegisteredReplicas(Common common, ServiceRegistryEntry entry, RegistryClient client, ServiceInfo info) {
        this.common = common;
        this.entry = entry;
        this.client = client;
        this.info = info;
    }

    /**
     * The registry to update: {@code --registry}, else the current one; empty with {@code --no-registry}
     * or when no registry is set. Opens the keystore and reads the registration; refuses an account that
     * is not the manager.
     */
    static Optional<RegisteredReplicas> open(Common common, RegistryOptions options, SignerOptions signer, String service) {
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
        RegistryClient client = ServiceRegistries.connect(entry, credentials);
        try {
            ServiceId id = ServiceId.ofName(service);
            ServiceInfo info = client.findService(id).orElseThrow(() -> CliException.notConfigured(service
                    + " is not registered on service registry \"" + entry.name() + "\" (" + entry.address()
                    + "): register it with 'br2k register', or " + SKIP));
            if (!info.manager().equalsIgnoreCase(credentials.getAddress())) {
                throw CliException.notConfigured("only the manager of " + service + " (" + info.manager()
                        + ") may set its replica count, and the keystore " + keystore + " is " + credentials.getAddress()
                        + ": pass the manager's --keystore, or " + SKIP);
            }
            return Optional.of(new RegisteredReplicas(common, entry, client, info));
        } catch (RegistryException e) {
            client.close();
            throw CliException.unreachable("reading " + service + " from service registry \"" + entry.name() + "\" at "
                    + entry.rpcUrl() + " failed: " + e.getMessage() + "; nothing was changed", e);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Refuses, before anything changes, a target outside [1, registered maximum]. */
    void check(int now, int target, String command) {
        if (target < 1 || target > info.maxReplicas()) {
            throw new CliException(ExitCode.USAGE, "'" + command + "' would take " + info.name() + " from " + now + " to " + target
                    + " replicas, but service registry \"" + entry.name() + "\" allows 1.." + info.maxReplicas()
                    + " (its registered maximum); nothing was changed");
        }
    }

    /** Sets the registered count to {@code replicas} (the cluster's, after the operation); nothing is sent when it is already so. */
    void update(int replicas) {
        if (info.replicaCount() == replicas) {
            common.out().println("registry: replica count of " + info.name() + " is " + replicas + " already");
            return;
        }
        common.progress("Setting the replica count of " + info.name() + " on service registry \"" + entry.name() + "\" to "
                + replicas + " ...");
        try {
            RegistryReceipt receipt = client.setReplicaCount(info.id(), replicas);
            common.out().println("registry: replica count " + info.replicaCount() + " -> " + replicas + " (transaction "
                    + receipt.transactionHash() + ", block " + receipt.blockNumber() + ")");
        } catch (RegistryException e) {
            throw CliException.failed("the cluster has " + replicas + " replicas now, but setting the replica count on service registry \""
                    + entry.name() + "\" failed: " + e.getMessage() + "; it still says " + info.replicaCount()
                    + ". When the chain answers again, run 'br2k add 0' to set it to the cluster's count", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
