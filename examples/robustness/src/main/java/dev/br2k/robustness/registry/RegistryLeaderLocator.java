package dev.br2k.robustness.registry;

import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.event.Subscription;
import dev.br2k.robustness.client.LeaderLocator;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The leader's location as the service registry has it: read once, then kept current from the
 * registry's {@code NewLocation} events (polled every 250 ms; the chain makes a block every second).
 * Shared by all clients, as a user's wallet or gateway would be.
 */
public final class RegistryLeaderLocator implements LeaderLocator, AutoCloseable {
    private final RegistryClient registry;
    private final Subscription subscription;
    private final AtomicReference<URI> location = new AtomicReference<>();

    public RegistryLeaderLocator(String rpcUrl, String registryAddress) {
        this.registry = RegistryClient.builder().rpcUrl(rpcUrl).registryAddress(registryAddress)
                .pollingInterval(Duration.ofMillis(250)).build();
        ServiceId id = ServiceId.ofName(RegistryChain.SERVICE);
        this.subscription = registry.onNewLocation(id, e -> set(e.location()));
        set(registry.serviceLocation(id));
    }

    private void set(String url) {
        if (url != null && !url.isBlank()) {
            location.set(URI.create(url));
        }
    }

    @Override
    public Optional<URI> location() {
        return Optional.ofNullable(location.get());
    }

    @Override
    public void close() {
        subscription.close();
        registry.close();
    }
}
