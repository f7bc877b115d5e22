package dev.br2k.protocol.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.protocol.ProtocolException;
import dev.br2k.protocol.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusCodecTest {
    private static final BackupSummary BACKUP = new BackupSummary("kv", 3, 41, Instant.parse("2026-12-07T05:00:00Z"),
            Instant.parse("2026-12-07T05:00:02.5Z"), List.of("r1", "r2"), 1024, 2048, "file:/tmp/b \"x\"",
            "r1", Map.of("state.zip", "ab", "etcd.snapshot", "cd"));
    private static final ReplicaStatusRecord LEADER = new ReplicaStatusRecord("kv", "r1", Role.LEADER, 7, 7, 7, 3, 3,
            Optional.of("r1"), Optional.of("http://127.0.0.1:8081"), "http://127.0.0.1:8081", Optional.of(BACKUP),
            Optional.empty());
    private static final ReplicaStatusRecord FRESH = new ReplicaStatusRecord("kv", "r2", Role.FOLLOWER, 0, 0, 0, 1, 1,
            Optional.empty(), Optional.empty(), "http://127.0.0.1:8082", Optional.empty(),
            Optional.of("handler failed on entry 3:\n\tretrying"));

    @Test
    void a_status_reads_back_as_it_was_written() {
        assertThat(StatusCodec.decode(StatusCodec.encode(LEADER))).isEqualTo(LEADER);
        assertThat(StatusCodec.decode(StatusCodec.encode(FRESH))).isEqualTo(FRESH);
    }

    @Test
    void unknown_values_are_written_as_null_not_left_out() {
        assertThat(StatusCodec.encode(FRESH)).contains("\"leader\":null", "\"lastBackup\":null", "\"leaderUrl\":null");
    }

    @Test
    void a_missing_field_is_an_error_naming_it() {
        String json = StatusCodec.encode(LEADER).replace("\"ssi\":7,", "");
        assertThatThrownBy(() -> StatusCodec.decode(json))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("no field 'ssi'");
    }

    @Test
    void a_missing_field_of_the_backup_is_an_error_naming_it() {
        String json = StatusCodec.encode(LEADER).replace("\"leaderId\":\"r1\",", "");
        assertThatThrownBy(() -> StatusCodec.decode(json))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("lastBackup").hasMessageContaining("'leaderId'");
    }

    @Test
    void an_unknown_field_is_an_error_naming_it() {
        String json = StatusCodec.encode(LEADER).replace("{\"service\"", "{\"replicaId\":\"r1\",\"service\"");
        assertThatThrownBy(() -> StatusCodec.decode(json))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown field 'replicaId'");
    }

    @Test
    void a_secret_in_the_backup_is_an_unknown_field() {
        String json = StatusCodec.encode(LEADER).replace("\"leaderId\":\"r1\"", "\"leaderId\":\"r1\",\"artifactKey\":\"k\"");
        assertThatThrownBy(() -> StatusCodec.decode(json))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown field 'artifactKey'");
    }

    @Test
    void a_field_of_the_wrong_type_is_an_error_naming_it() {
        String json = StatusCodec.encode(LEADER).replace("\"lpi\":7", "\"lpi\":\"7\"");
        assertThatThrownBy(() -> StatusCodec.decode(json))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("'lpi'").hasMessageContaining("whole number");
    }

    @Test
    void a_role_the_protocol_does_not_have_is_an_error() {
        String json = StatusCodec.encode(LEADER).replace("\"LEADER\"", "\"Leader\"");
        assertThatThrownBy(() -> StatusCodec.decode(json))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("'role'").hasMessageContaining("'Leader'");
    }

    @Test
    void text_that_is_not_json_is_an_error() {
        assertThatThrownBy(() -> StatusCodec.decode("<html>502 Bad Gateway</html>"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> StatusCodec.decode(StatusCodec.encode(LEADER) + "x"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("text after the value");
    }
}
