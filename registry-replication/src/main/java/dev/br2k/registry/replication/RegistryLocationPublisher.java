package dev.br2k.registry.replication;

import dev.br2k.registry.LocationTerm;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.StaleLocationTermException;
import dev.br2k.replication.location.LeaderTerm;
import dev.br2k.replication.location.LocationPublisher;
import dev.br2k.replication.location.StaleLeaderTermException;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * Publishes the leader's URL in the service registry ({@code updateLocation} with the leader's term,
 * event {@code NewLocation}). The client must sign as the service's manager or an operator it approved
 * (normally the replicas' service account, which every replica shares: the term tells them apart; a
 * term of another etcd cluster than the stored one is accepted, see {@link LeaderTerm#supersedes}).
 * A newer leader's location already stored is a {@link StaleLeaderTermException} (the registry's
 * {@code StaleLocationTerm}, found by simulating the call: nothing is signed or paid); any other
 * failure is an {@link IOException} whose cause is the registry's exception (e.g.
 * {@link dev.br2k.registry.RegistryAccessDeniedException}), which the runtime logs and retries.
 */
public final class RegistryLocationPublisher implements LocationPublisher {

    private final RegistryClient client;

    public RegistryLocationPublisher(RegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void publish(String service, URI leaderUrl, LeaderTerm term) throws IOException {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(leaderUrl, "leaderUrl");
        Objects.requireNonNull(term, "term");
        try {
            client.updateLocation(ServiceId.ofName(service), leaderUrl.toString(), new LocationTerm(term.clusterId(), term.etcdTerm(), term.revision()));
        } catch (StaleLocationTermException e) {
            throw new StaleLeaderTermException(service, new LeaderTerm(e.stored().clusterId(), e.stored().etcdTerm(), e.stored().revision()), term, e);
        } catch (RegistryException e) {
            throw new IOException("Cannot publish " + leaderUrl + " as the location of " + service + ": " + e.getMessage(), e);
        }
    }
}
