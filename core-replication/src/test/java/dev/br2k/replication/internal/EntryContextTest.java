package dev.br2k.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.replication.BadRequestResponse;
import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.RouteType;
import dev.br2k.replication.internal.log.LogEntry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryContextTest {
    private static LogEntry entry(String body) {
        return new LogEntry("id-1", RouteType.REPLICATE, HttpMethod.POST, "/items/{id}", "/items/7", Map.of("id", "7"),
                Map.of("q", "1"), Map.of("content-type", "application/json"), body, 1_700_000_000_000L, 42L);
    }

    @Test
    void timestamp_and_random_come_from_the_entry_so_every_replica_computes_the_same() {
        EntryContext leader = new EntryContext(entry("{}"), 7, Path.of("."), false);
        EntryContext follower = new EntryContext(entry("{}"), 7, Path.of("."), true);

        assertThat(leader.timestamp()).isEqualTo(follower.timestamp());
        assertThat(leader.random().ints(5).toArray()).isEqualTo(follower.random().ints(5).toArray());
        assertThat(follower.pathParam("id")).isEqualTo("7");
        assertThat(follower.queryParam("q")).contains("1");
        assertThat(follower.header("Content-Type")).contains("application/json");
    }

    @Test
    void a_body_that_is_not_the_expected_json_is_a_bad_request() {
        EntryContext ctx = new EntryContext(entry("{\"n\": "), 1, Path.of("."), false);

        assertThatThrownBy(() -> ctx.bodyAsClass(Map.class)).isInstanceOf(BadRequestResponse.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ctx.pathParam("other")).isInstanceOf(BadRequestResponse.class);
    }
}
