package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.protocol.Role;
import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.EtcdMember;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Failures of the leader's etcd member; each test gets its own etcd cluster. */
class FailoverIT {
    @RegisterExtension
    final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @TempDir
    Path dir;

    private KvReplicas kv;

    @AfterEach
    void stop() {
        if (kv != null) {
            kv.close();
        }
    }

    private EtcdMember memberBeside(int replica) {
        String url = kv.endpointsFor(replica).split(",")[0];
        return etcd.members().stream().filter(m -> m.clientUrl().toString().equals(url)).findFirst().orElseThrow();
    }

    private void write(int leader, String prefix, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(kv.send("PUT", "/kv/" + prefix + i, "v" + i).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void kill_9_of_the_leaders_etcd_member_lets_a_new_leader_serve_and_the_old_one_converges() {
        kv = KvReplicas.start(etcd, dir, "killetcd", 3);
        int old = kv.awaitLeader();
        write(old, "before", 10);

        etcd.kill(memberBeside(old));

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            int now = kv.awaitLeader();
            return now != old;
        });
        int leader = kv.awaitLeader();
        write(leader, "after", 10);
        assertThat(kv.get(old).app().role()).isIn(Role.FOLLOWER, Role.LEARNER);

        etcd.restart(memberBeside(old));

        var data = kv.awaitConverged();
        assertThat(data).hasSize(20).containsEntry("before9", "v9").containsEntry("after9", "v9");
        assertThat(kv.status(old).get("role").asText()).isEqualTo("FOLLOWER");
    }

    @Test
    void a_paused_leader_is_refused_after_the_election_and_steps_down() throws Exception {
        kv = KvReplicas.start(etcd, dir, "pause", 3);
        int old = kv.awaitLeader();
        write(old, "before", 5);
        EtcdMember member = memberBeside(old);

        etcd.pause(member);
        CompletableFuture<HttpResponse<String>> stale =
                CompletableFuture.supplyAsync(() -> Http.send("PUT", kv.url(old, "/kv/stale"), "written by a deposed leader"));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> kv.running().stream()
                    .anyMatch(i -> i != old && kv.get(i).app().role() == Role.LEADER));
            int leader = kv.running().stream().filter(i -> i != old && kv.get(i).app().role() == Role.LEADER).findFirst().orElseThrow();
            write(leader, "after", 5);
            assertThat(stale.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isIn(307, 503);
        } finally {
            etcd.resume(member);
        }

        var data = kv.awaitConverged();
        assertThat(kv.status(old).get("role").asText()).isEqualTo("FOLLOWER");
        assertThat(data).hasSize(10).doesNotContainKey("stale");
        try (EtcdKeys keys = new EtcdKeys(etcd.endpoints(), "pause")) {
            assertThat(keys.all("log/").values()).noneMatch(v -> v.contains("deposed"));
        }
    }
}
