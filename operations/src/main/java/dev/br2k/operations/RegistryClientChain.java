package dev.br2k.operations;

import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import java.util.Objects;
import java.util.Optional;

/** {@link ChainRegistry} over the registry module's {@link RegistryClient}; the caller keeps and closes the client. */
public final class RegistryClientChain implements ChainRegistry {
    private final RegistryClient client;
    private final Optional<String> signer;

    /** {@code signs}: whether the client was connected with an account (a read-only client can only read). */
    public RegistryClientChain(RegistryClient client, boolean signs) {
        this.client = Objects.requireNonNull(client, "client");
        this.signer = signs ? Optional.of(client.account()) : Optional.empty();
    }

    @Override
    public Optional<String> signer() {
        return signer;
    }

    @Override
    public long chainId() {
        return client.chainId();
    }

    @Override
    public Optional<ServiceInfo> findService(ServiceId id) {
        return client.findService(id);
    }

    @Override
    public void dryRunSetReplicaCount(ServiceId id, int replicas) {
        client.dryRunSetReplicaCount(id, replicas);
    }

    @Override
    public RegistryReceipt setReplicaCount(ServiceId id, int replicas) {
        return client.setReplicaCount(id, replicas);
    }

    @Override
    public void dryRunSetRunState(ServiceId id, RunState state) {
        client.dryRunSetRunState(id, state);
    }

    @Override
    public RegistryReceipt setRunState(ServiceId id, RunState state) {
        return client.setRunState(id, state);
    }
}
