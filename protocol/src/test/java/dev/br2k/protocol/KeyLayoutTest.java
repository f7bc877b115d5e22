package dev.br2k.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyLayoutTest {
    private final KeyLayout keys = new KeyLayout("kv");

    @Test
    void keys_are_those_of_the_spec() {
        assertThat(keys.log(42)).isEqualTo("/br2k/kv/log/00000000000000000042");
        assertThat(keys.status(42)).isEqualTo("/br2k/kv/status/00000000000000000042");
        assertThat(keys.request(3, "abc")).isEqualTo("/br2k/kv/request/3/abc");
        assertThat(keys.logSize()).isEqualTo("/br2k/kv/log-size");
        assertThat(keys.serviceState()).isEqualTo("/br2k/kv/service-state");
        assertThat(keys.stateVersion()).isEqualTo("/br2k/kv/state-version");
        assertThat(keys.lpi("r1")).isEqualTo("/br2k/kv/lpi/r1");
        assertThat(keys.ssv("r1")).isEqualTo("/br2k/kv/ssv/r1");
        assertThat(keys.leader()).isEqualTo("/br2k/kv/leader");
        assertThat(keys.member("r1")).isEqualTo("/br2k/kv/members/r1");
        assertThat(keys.lastBackup()).isEqualTo("/br2k/kv/last-backup");
        assertThat(keys.defragmenting()).isEqualTo("/br2k/kv/defragmenting");
    }

    @Test
    void a_key_gives_back_its_index_and_replica() {
        assertThat(KeyLayout.indexOf(keys.status(123456))).isEqualTo(123456);
        assertThat(KeyLayout.replicaOf(keys.lpi("r-2"), keys.lpiPrefix())).isEqualTo("r-2");
    }

    @Test
    void a_key_not_of_the_layout_is_an_error_naming_it() {
        assertThatThrownBy(() -> KeyLayout.indexOf("/br2k/kv/log/12"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("/br2k/kv/log/12");
        assertThatThrownBy(() -> KeyLayout.replicaOf("/br2k/kv/lpi/a/b", keys.lpiPrefix()))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("/br2k/kv/lpi/a/b");
    }

    @Test
    void a_service_name_with_a_slash_is_refused() {
        assertThatThrownBy(() -> new KeyLayout("a/b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a/b");
    }
}
