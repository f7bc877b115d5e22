package dev.br2k.registry.replication;

import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.ServiceId;
import dev.br2k.replication.location.LocationPublisher;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * Publishes the leader's URL in the service registry ({@code updateLocation}, event
 * {@code NewLocation}). The client must sign as the service's manager or an operator it approved
 * (normally the replicas' service account). Any failure is reported as an {@link IOException}
 * whose cause is the registry's exception (e.g. {@link dev.br2k.registry.RegistryAccessDeniedException}),
 * which the runtime logs and retries.
 */
public final class RegistryLocationPublisher implements LocationPublisher {

    private final RegistryClient client;

    public RegistryLocationPublisher(RegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void publish(String service, URI leaderUrl) throws IOException {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(leaderUrl, "leaderUrl");
        try {
            client.updateLocation(ServiceId.ofName(service), leaderUrl.toString());
        } catch (RegistryException e) {
            throw new IOException("Cannot publish " + leaderUrl + " as the location of " + service + ": " + e.getMessage(), e);
        }
    }
}
