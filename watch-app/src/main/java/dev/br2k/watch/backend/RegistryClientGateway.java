package dev.br2k.watch.backend;

import dev.br2k.operations.ChainRegistry;
import dev.br2k.operations.RegistryClientChain;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import dev.br2k.registry.event.EventQuery;
import dev.br2k.registry.event.RegistryEvent;
import dev.br2k.registry.event.Subscription;
import org.web3j.crypto.Credentials;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link RegistryGateway} over the registry module's {@link RegistryClient}. The account's services
 * are read at one block in JSON-RPC batches, so a dashboard of a thousand fills in a few round trips.
 */
public final class RegistryClientGateway implements RegistryGateway {

    /** Event polling for the Watch: fast enough that a location change shows within a second. */
    public static final Duration POLLING = Duration.ofMillis(500);

    private final RegistryClient client;
    private final ChainRegistry chain;
    private final String rpcUrl;

    public RegistryClientGateway(RegistryClient client, String rpcUrl) {
        this.client = Objects.requireNonNull(client, "client");
        this.chain = new RegistryClientChain(client, true);
        this.rpcUrl = Objects.requireNonNull(rpcUrl, "rpcUrl");
    }

    /** The production {@link RegistryConnector}. */
    public static RegistryConnector connector() {
        return (rpcUrl, registryAddress, credentials) -> connect(rpcUrl, registryAddress, credentials);
    }

    public static RegistryClientGateway connect(String rpcUrl, String registryAddress, Credentials credentials) {
        RegistryClient client = RegistryClient.builder().rpcUrl(rpcUrl).registryAddress(registryAddress)
                .credentials(credentials).pollingInterval(POLLING).build();
        return new RegistryClientGateway(client, rpcUrl);
    }

    @Override
    public String account() {
        return client.account();
    }

    @Override
    public String rpcUrl() {
        return rpcUrl;
    }

    @Override
    public List<ServiceInfo> managedServices() {
        return client.servicesManagedBy(client.account());
    }

    @Override
    public ServiceInfo service(ServiceId id) {
        return client.service(id);
    }

    @Override
    public RegistryReceipt setReplicaCount(ServiceId id, int replicas) {
        return client.setReplicaCount(id, replicas);
    }

    @Override
    public ChainRegistry chain() {
        return chain;
    }

    @Override
    public Subscription subscribe(EventQuery query, Consumer<RegistryEvent> listener) {
        return client.subscribe(query, listener::accept);
    }

    @Override
    public void close() {
        client.close();
    }
}
