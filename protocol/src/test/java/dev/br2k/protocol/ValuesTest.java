package dev.br2k.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValuesTest {
    @Test
    void a_leader_value_reads_back_as_written() {
        LeaderValue v = new LeaderValue("r1", "http://127.0.0.1:8081", 4);
        assertThat(LeaderValue.decode(v.encode())).isEqualTo(v);
        assertThat(v.encode()).isEqualTo("{\"id\":\"r1\",\"url\":\"http://127.0.0.1:8081\",\"term\":4}");
    }

    @Test
    void a_bare_id_in_the_leader_key_is_not_guessed_at() {
        assertThatThrownBy(() -> LeaderValue.decode("r1")).isInstanceOf(ProtocolException.class).hasMessageContaining("leader");
        assertThatThrownBy(() -> LeaderValue.decode("{\"replicaId\":\"r1\",\"url\":\"u\",\"term\":1}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("no field 'id'");
    }

    @Test
    void a_member_value_reads_back_as_written() {
        MemberValue v = new MemberValue("r2", "http://127.0.0.1:8082", "8e9e05c52164694d", Role.FOLLOWER, true);
        assertThat(MemberValue.decode(v.encode())).isEqualTo(v);
    }

    @Test
    void a_member_value_without_readiness_is_an_error_naming_the_field() {
        assertThatThrownBy(() -> MemberValue.decode("{\"id\":\"r2\",\"url\":\"u\",\"etcdMemberId\":\"1\",\"role\":\"FOLLOWER\"}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("'ready'");
    }

    @Test
    void counters_are_plain_decimals_and_nothing_else() {
        assertThat(Counter.decode("/br2k/kv/log-size", Counter.encode(-1))).isEqualTo(-1);
        assertThatThrownBy(() -> Counter.decode("/br2k/kv/log-size", "{\"value\":3}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("/br2k/kv/log-size");
    }
}
