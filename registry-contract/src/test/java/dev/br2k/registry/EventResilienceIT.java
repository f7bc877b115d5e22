package dev.br2k.registry;

import dev.br2k.registry.event.LocationChanged;
import dev.br2k.registry.event.Subscription;
import dev.br2k.testkit.Anvil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Event delivery on a chain that mines a block every second (as a real chain does), across a restart of the node. */
class EventResilienceIT {

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().blockTimeSeconds(1).build();

    @Test
    void a_subscription_keeps_delivering_after_the_node_restarts_and_misses_nothing() {
        try (RegistryClient manager = RegistryClient.builder().rpcUrl(anvil.rpcUrl()).credentials(anvil.account(0))
                .pollingInterval(Duration.ofMillis(200)).deploy();
             RegistryClient watcher = RegistryClient.builder().rpcUrl(anvil.rpcUrl()).registryAddress(manager.registryAddress())
                     .pollingInterval(Duration.ofMillis(200)).build()) {
            ServiceId id = manager.register(ServiceRegistration.builder("resilient").build()).id();
            List<String> seen = new CopyOnWriteArrayList<>();

            try (Subscription s = watcher.onNewLocation(id, e -> seen.add(e.location()))) {
                manager.setLocation(id, "http://before-restart");
                await().atMost(Duration.ofSeconds(60)).until(() -> seen.contains("http://before-restart"));

                anvil.restart();
                manager.setLocation(id, "http://after-restart");

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(seen).containsExactly("http://before-restart", "http://after-restart"));
                assertThat(s.isActive()).isTrue();
            }
        }
    }
}
