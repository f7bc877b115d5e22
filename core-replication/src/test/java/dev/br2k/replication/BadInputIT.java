package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.testkit.EtcdCluster;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BadInputIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @TempDir
    static Path dir;

    private static KvReplicas kv;
    private static EtcdKeys keys;
    private static int leader;

    @BeforeAll
    static void startReplicas() {
        kv = KvReplicas.start(etcd, dir, "badinput", 3, c -> c.maxBodyBytes(1024));
        keys = new EtcdKeys(etcd.endpoints(), "badinput");
        // through the leader-finding client: leadership may still move once right after the start
        assertThat(kv.send("PUT", "/kv/a", "1").statusCode()).isEqualTo(200);
        leader = kv.awaitLeader();
    }

    @AfterAll
    static void stopReplicas() {
        kv.close();
        keys.close();
    }

    @Test
    void malformed_json_gets_400_with_a_clear_message_and_is_not_logged() {
        long before = keys.number("log-size");
        HttpResponse<String> res = Http.send("POST", kv.url(leader, "/items"), "{\"key\": \"a\", ", "Content-Type", "application/json");

        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.headers().firstValue("Content-Type")).get().asString().contains("application/json");
        assertThat(res.body()).contains("\"error\":\"malformed JSON body");
        assertThat(keys.number("log-size")).isEqualTo(before);
    }

    @Test
    void json_of_the_wrong_shape_is_refused_by_the_handler_and_recorded_as_failed() {
        HttpResponse<String> res = Http.send("POST", kv.url(leader, "/items"), "{\"value\": \"no key\"}",
                "Content-Type", "application/json");

        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.body()).contains("an item needs a non-empty");
        assertThat(kv.awaitConverged()).doesNotContainValue("no key");
    }

    @Test
    void an_oversized_body_gets_413_and_is_not_logged() {
        long before = keys.number("log-size");
        HttpResponse<String> res = Http.send("PUT", kv.url(leader, "/kv/big"), "x".repeat(5000));

        assertThat(res.statusCode()).isEqualTo(413);
        assertThat(res.body()).contains("1024 bytes");
        assertThat(keys.number("log-size")).isEqualTo(before);
    }

    @Test
    void an_unknown_route_gets_404_with_a_json_message_and_is_not_logged() {
        long before = keys.number("log-size");
        HttpResponse<String> res = Http.send("POST", kv.url(leader, "/nope"), "{}");

        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.body()).contains("\"error\":\"no route POST /nope on this service\"");
        assertThat(keys.number("log-size")).isEqualTo(before);
    }

    @Test
    void a_malformed_request_id_is_refused() {
        long before = keys.number("log-size");
        HttpResponse<String> res = Http.send("PUT", kv.url(leader, "/kv/b"), "1", "Br2k-Request-Id", "bad id with spaces");

        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.body()).contains("Br2k-Request-Id must be");
        assertThat(keys.number("log-size")).isEqualTo(before);
    }
}
