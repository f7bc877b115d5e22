package dev.br2k.registry;

import dev.br2k.registry.event.EventQuery;
import dev.br2k.registry.event.LocationChanged;
import dev.br2k.registry.event.LogPosition;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryClientBuilderTest {

    @Test
    void bad_options_are_refused_with_the_option_named() {
        RegistryClient.Builder builder = RegistryClient.builder();

        assertThatThrownBy(() -> builder.rpcUrl("127.0.0.1:8545")).hasMessageContaining("rpcUrl");
        assertThatThrownBy(() -> builder.registryAddress("0x1234")).hasMessageContaining("registryAddress");
        assertThatThrownBy(() -> builder.pollingInterval(Duration.ofMillis(1))).hasMessageContaining("pollingInterval");
        assertThatThrownBy(() -> builder.receiptTimeout(Duration.ZERO)).hasMessageContaining("receiptTimeout");
        assertThatThrownBy(() -> RegistryClient.builder().rpcUrl("http://127.0.0.1:1").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("registryAddress");
        assertThatThrownBy(() -> RegistryClient.builder().rpcUrl("http://127.0.0.1:1").deploy())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("credentials");
    }

    @Test
    void an_event_query_matches_by_service_and_kind() {
        ServiceId a = ServiceId.ofName("a");
        LocationChanged event = new LocationChanged(a, "http://x", "0x00", new LogPosition(1, "0xabc", 0));

        assertThat(EventQuery.ALL.matches(event)).isTrue();
        assertThat(EventQuery.builder().service(a).kinds(LocationChanged.class).build().matches(event)).isTrue();
        assertThat(EventQuery.builder().service(ServiceId.ofName("b")).build().matches(event)).isFalse();
        assertThat(EventQuery.builder().kinds(dev.br2k.registry.event.ClaimSent.class).build().matches(event)).isFalse();
    }

    @Test
    void registrations_check_the_replica_limits() {
        assertThat(ServiceRegistration.builder("s").replicas(3, 5).build().replicaCount()).isEqualTo(3);
        assertThatThrownBy(() -> ServiceRegistration.builder("s").replicas(0, 5).build()).hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> ServiceRegistration.builder("s").replicas(1, 70_000).build()).hasMessageContaining("maxReplicas");
        assertThatThrownBy(() -> ServiceDetails.builder("s").context(new byte[5], "x").build()).hasMessageContaining("contextHash");
    }
}
