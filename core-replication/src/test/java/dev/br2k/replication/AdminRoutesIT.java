package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.testkit.EtcdCluster;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real KvService processes, configured only through the environment: the admin routes ({@code GET /metrics},
 * {@code POST /br2k/backup}) need {@code Authorization: Bearer <token>}; the token comes from
 * BR2K_ADMIN_TOKEN_FILE; without one configured they answer 403; {@code /br2k/status} stays open.
 */
class AdminRoutesIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(1).build();

    private static final String TOKEN = "3f1c8e0a9b7d4c2e6f5a1b0c9d8e7f60";

    @TempDir
    Path dir;

    private KvProcesses kv;

    @AfterEach
    void stop() {
        if (kv != null) {
            kv.close();
        }
    }

    @Test
    void admin_routes_answer_only_a_request_that_carries_the_token_from_the_token_file() throws Exception {
        Path tokenFile = dir.resolve("admin-token");
        Files.writeString(tokenFile, TOKEN + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        kv = new KvProcesses(etcd, dir, "admin", 1);
        kv.startAll(Map.of("BR2K_ADMIN_TOKEN_FILE", tokenFile.toString()));
        int leader = kv.awaitLeader();

        for (String[] route : new String[][] {{"GET", "/metrics"}, {"POST", "/br2k/backup"}}) {
            HttpResponse<String> none = Http.send(route[0], kv.url(leader, route[1]), null);
            assertThat(none.statusCode()).as("%s %s without a token", route[0], route[1]).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
            assertThat(none.body()).contains("Authorization: Bearer");

            HttpResponse<String> wrong = Http.send(route[0], kv.url(leader, route[1]), null,
                    "Authorization", "Bearer " + TOKEN.replace('3', '4'));
            assertThat(wrong.statusCode()).as("%s %s with a wrong token", route[0], route[1]).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
            assertThat(wrong.body()).contains("wrong").doesNotContain(TOKEN);
        }

        HttpResponse<String> metrics = Http.send("GET", kv.url(leader, "/metrics"), null, "Authorization", "Bearer " + TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("br2k_lpi");
        HttpResponse<String> backup = Http.send("POST", kv.url(leader, "/br2k/backup"), null, "Authorization", "Bearer " + TOKEN);
        assertThat(backup.statusCode()).as(backup.body()).isEqualTo(202);

        assertThat(Http.get(kv.url(leader, "/br2k/status")).statusCode()).as("status is open to probes").isEqualTo(200);
    }

    @Test
    void a_replica_without_an_admin_token_refuses_its_admin_routes_and_says_how_to_configure_one() {
        kv = new KvProcesses(etcd, dir, "noadmin", 1);
        kv.startAll(Map.of());
        int leader = kv.awaitLeader();

        for (String[] route : new String[][] {{"GET", "/metrics"}, {"POST", "/br2k/backup"}}) {
            HttpResponse<String> res = Http.send(route[0], kv.url(leader, route[1]), null, "Authorization", "Bearer " + TOKEN);
            assertThat(res.statusCode()).as("%s %s with no token configured", route[0], route[1]).isEqualTo(403);
            assertThat(res.body()).contains("BR2K_ADMIN_TOKEN_FILE");
        }
        assertThat(Http.get(kv.url(leader, "/br2k/status")).statusCode()).isEqualTo(200);
    }
}
