package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.testkit.EtcdCluster;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The leader's process halts at each crash point of spec §1.4 (BR2K_CRASH_AT) while handling a
 * non-idempotent request; the client retries with the same request id on the new leader.
 */
class CrashPointIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @TempDir
    Path dir;

    private KvProcesses kv;

    @AfterEach
    void stop() {
        if (kv != null) {
            kv.close();
        }
    }

    private static final Map<CrashPoint, String> STATUS_LEFT = Map.of(
            CrashPoint.AFTER_APPEND, "IGNORE",
            CrashPoint.AFTER_IN_PROCESS, "IN_PROCESS",
            CrashPoint.AFTER_HANDLER, "IN_PROCESS",
            CrashPoint.AFTER_SUCCESS, "SUCCESS");

    @ParameterizedTest(name = "leader halts {0}: the outcome the spec gives, and identical replicas")
    @EnumSource(CrashPoint.class)
    void a_leader_halting_at_a_crash_point_loses_no_acknowledged_write_and_applies_no_request_twice(CrashPoint point)
            throws Exception {
        String service = "crash-" + point.name().toLowerCase(Locale.ROOT).replace('_', '-');
        kv = new KvProcesses(etcd, dir, service, 3);
        kv.startAll(Map.of("BR2K_CRASH_AT", point.name() + ":4"));
        int old = kv.awaitLeader();
        for (int i = 1; i <= 3; i++) {
            assertThat(Http.send("PUT", kv.url(old, "/kv/k" + i), "v" + i).statusCode()).isEqualTo(200);
        }

        assertThatThrownBy(() -> Http.send("POST", kv.url(old, "/counter/c"), null, "Br2k-Request-Id", "req-crash"))
                .as("the leader halts before answering").isInstanceOf(java.io.UncheckedIOException.class);
        Process crashed = kv.process(old).orElseThrow();
        assertThat(crashed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(crashed.exitValue()).isEqualTo(86);
        kv.forget(old);

        int leader = kv.awaitLeader();
        assertThat(leader).isNotEqualTo(old);
        HttpResponse<String> retry = Http.send("POST", kv.url(leader, "/counter/c"), null, "Br2k-Request-Id", "req-crash");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("\"value\":1");
        try (EtcdKeys keys = new EtcdKeys(etcd.endpoints(), service)) {
            assertThat(keys.get("status/" + EtcdKeys.index(4))).get().asString().contains("\"" + STATUS_LEFT.get(point) + "\"");
        }

        kv.start(old, Map.of());
        kv.awaitCaughtUp();
        if (point == CrashPoint.AFTER_IN_PROCESS || point == CrashPoint.AFTER_HANDLER) {
            assertThat(kv.log(old)).contains("becomes Learner", "restored state version 1");
        }

        List<Map<String, String>> data = kv.stopAndReadDatabases();
        assertThat(data.get(0)).containsEntry("k1", "v1").containsEntry("k2", "v2").containsEntry("k3", "v3")
                .containsEntry("counter:c", "1");
        assertThat(data.get(1)).isEqualTo(data.get(0));
        assertThat(data.get(2)).isEqualTo(data.get(0));
    }

    @Test
    void kill_9_of_the_leaders_service_lets_a_new_leader_serve_and_the_old_one_converges() throws Exception {
        kv = new KvProcesses(etcd, dir, "kill-service", 3);
        kv.startAll(Map.of());
        int old = kv.awaitLeader();
        for (int i = 0; i < 5; i++) {
            assertThat(Http.send("PUT", kv.url(old, "/kv/before" + i), "v").statusCode()).isEqualTo(200);
        }

        kv.kill(old);
        int leader = kv.awaitLeader();
        for (int i = 0; i < 5; i++) {
            assertThat(Http.send("PUT", kv.url(leader, "/kv/after" + i), "v").statusCode()).isEqualTo(200);
        }
        kv.start(old, Map.of());
        kv.awaitCaughtUp();

        List<Map<String, String>> data = kv.stopAndReadDatabases();
        assertThat(data.get(0)).hasSize(10);
        assertThat(data).allSatisfy(d -> assertThat(d).isEqualTo(data.get(0)));
    }
}
