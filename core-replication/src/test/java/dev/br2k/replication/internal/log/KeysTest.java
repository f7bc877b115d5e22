package dev.br2k.replication.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeysTest {
    private final Keys keys = new Keys("kv");

    @Test
    void log_keys_sort_in_index_order_under_the_service_prefix() {
        assertThat(keys.log(9)).isEqualTo("/br2k/kv/log/00000000000000000009");
        assertThat(keys.log(10).compareTo(keys.log(9))).isPositive();
        assertThat(keys.status(12)).isEqualTo("/br2k/kv/status/00000000000000000012");
        assertThat(Keys.indexOf(keys.status(12))).isEqualTo(12);
        assertThat(keys.leader()).isEqualTo("/br2k/kv/leader");
        assertThat(keys.lpi("r1")).isEqualTo("/br2k/kv/lpi/r1");
        assertThat(keys.request(3, "abc")).isEqualTo("/br2k/kv/request/3/abc");
    }
}
