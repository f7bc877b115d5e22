package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.TcpProxy;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Faults injected into real etcd members and into replicas' local state (spec §1.4, I3-I5). */
class FaultInjectionIT {
    private static final Pattern RECOVERIES = Pattern.compile("(?m)^br2k_recoveries_total\\{[^}]*} ([0-9.]+)$");

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @TempDir
    Path dir;

    private KvReplicas kv;
    private EtcdKeys keys;
    private final List<TcpProxy> proxies = new ArrayList<>();

    @AfterEach
    void stop() {
        if (kv != null) {
            kv.close();
        }
        if (keys != null) {
            keys.close();
        }
        proxies.forEach(TcpProxy::close);
    }

    private long recoveries(int replica) {
        Matcher m = RECOVERIES.matcher(Http.getAdmin(kv.url(replica, "/metrics")).body());
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void a_leader_whose_commit_lands_but_whose_answer_is_lost_reads_the_log_and_follows_without_restoring()
            throws Exception {
        for (var member : etcd.members()) {
            proxies.add(TcpProxy.start(member.clientUrl()));
        }
        kv = KvReplicas.startBehind(etcd, dir, "lostanswer", proxies.stream().map(TcpProxy::url).toList(), c -> { });
        keys = new EtcdKeys(etcd.endpoints(), "lostanswer");
        assertThat(kv.send("PUT", "/kv/a", "1").statusCode()).isEqualTo(200);
        int leader = kv.awaitLeader();
        long before = recoveries(leader);
        long index = keys.number("log-size") + 1;

        // the handler runs for 0.6 s on the leader; meanwhile its member's answers are dropped, so the commit
        // that records the result lands while the leader never learns it did (its member status read, 1 s, fails later)
        kv.get(leader).slowWrites(Duration.ofMillis(600));
        long slowBefore = kv.get(leader).slowWritesStarted();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> Http.send("POST", kv.url(leader, "/counter/c"), null, "Br2k-Request-Id", "lost-1"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> kv.get(leader).slowWritesStarted() > slowBefore);
        proxies.get(leader).dropAnswers();
        HttpResponse<String> unknown = first.get(60, TimeUnit.SECONDS);
        assertThat(unknown.statusCode()).isEqualTo(503);
        assertThat(unknown.body()).contains("may have been applied");
        await().atMost(Duration.ofSeconds(20)).until(() -> keys.get("status/" + EtcdKeys.index(index))
                .filter(s -> s.contains("SUCCESS")).isPresent());

        kv.get(leader).slowWrites(Duration.ZERO);
        HttpResponse<String> retry = kv.send("POST", "/counter/c", null, "Br2k-Request-Id", "lost-1");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).contains("\"value\":1");
        proxies.get(leader).heal();

        assertThat(kv.awaitConverged()).containsEntry("counter:c", "1");
        // the old leader read the log at its fencing revision, found its group there and follows on its own state
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var st = kv.status(leader);
            assertThat(st.get("role").asText()).isIn("FOLLOWER", "LEADER");
            assertThat(st.get("lpi").asLong()).isGreaterThanOrEqualTo(index);
        });
        assertThat(kv.stateDir(leader).resolve(".br2k").resolve("applying")).as("the range record is cleared").doesNotExist();
        assertThat(recoveries(leader)).as("the old leader's group landed, so it kept its state instead of restoring (I3)")
                .isEqualTo(before);
        assertThat(kv.send("POST", "/counter/c", null).statusCode()).isEqualTo(200);
        assertThat(kv.awaitConverged()).containsEntry("counter:c", "2");
    }

    @Test
    void a_follower_whose_handler_fails_on_a_success_entry_never_skips_it_and_reports_it() {
        kv = KvReplicas.start(etcd, dir, "neverskip", 3);
        keys = new EtcdKeys(etcd.endpoints(), "neverskip");
        int leader = kv.awaitLeader();
        int follower = (leader + 1) % 3;
        kv.get(follower).failWrites(true);

        assertThat(kv.send("PUT", "/kv/a", "1").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var st = kv.status(follower);
            assertThat(st.path("problem").asText()).contains("failed on entry 1, which the leader recorded SUCCESS")
                    .as("the open status shows an error id, not the handler's exception text")
                    .containsPattern("error id [0-9a-f-]{36}").doesNotContain("disk is full");
            assertThat(st.get("lpi").asLong()).as("lpi of the failing follower").isZero();
        });
        assertThat(keys.number("lpi/r" + (follower + 1))).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kv.status(follower).path("problem").asText())
                .contains("restoring a backup as Learner"));

        kv.get(follower).failWrites(false);
        assertThat(kv.awaitConverged()).containsEntry("a", "1");
        assertThat(kv.status(follower).path("problem").isNull()).as("the problem is cleared once applied").isTrue();
    }

    @Test
    void a_replica_restarted_after_a_machine_restart_restores_unless_its_state_is_durable() throws Exception {
        kv = KvReplicas.start(etcd, dir, "reboot", 3);
        int leader = kv.awaitLeader();
        int follower = (leader + 1) % 3;
        assertThat(kv.send("PUT", "/kv/a", "1").statusCode()).isEqualTo(200);
        kv.awaitConverged();

        kv.stop(follower);
        kv.start(follower);
        kv.awaitConverged();
        assertThat(recoveries(follower)).as("a plain restart trusts the recorded progress").isZero();

        kv.stop(follower);
        Path bootId = kv.stateDir(follower).resolve(".br2k").resolve("boot-id");
        assertThat(bootId).exists();
        Files.writeString(bootId, "00000000-0000-0000-0000-000000000000"); // as if the kernel booted since
        kv.start(follower);

        assertThat(kv.awaitConverged()).containsEntry("a", "1");
        assertThat(recoveries(follower)).as("KvService's SQLite (synchronous=NORMAL) is not durable: restored (I5)")
                .isEqualTo(1);
    }
}
