package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Br2kAppTest {
    private final Br2kApp app = Br2kApp.create(c -> c.serviceName("kv"));

    @Test
    void a_route_cannot_be_registered_twice() {
        app.replicate(HttpMethod.PUT, "/kv/{key}", ctx -> { });

        assertThatThrownBy(() -> app.onlyOnce(HttpMethod.PUT, "/kv/{key}", ctx -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PUT /kv/{key}");
    }

    @Test
    void the_runtimes_own_paths_are_reserved() {
        assertThatThrownBy(() -> app.replicate(HttpMethod.GET, "/br2k/status", ctx -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> app.replicate(HttpMethod.GET, "/metrics", ctx -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void starting_without_required_settings_says_what_is_missing() {
        assertThatThrownBy(app::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("replicaId");
    }
}
