package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.testkit.EtcdCluster;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leader's service process dies while its etcd member lives on and stays Raft leader: etcd alone would
 * never elect anyone else. Real {@code KvService} processes; the killed one is not restarted.
 */
class ServiceKillIT {
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

    @Test
    void a_leader_whose_service_is_killed_is_replaced_and_followers_stop_sending_clients_to_it() throws Exception {
        kv = new KvProcesses(etcd, dir, "svckill", 3);
        kv.startAll(Map.of());
        assertThat(kv.send("PUT", "/kv/before", "v").statusCode()).isEqualTo(200);
        int old = kv.awaitLeader();
        String deadUrl = kv.url(old, "").toString();
        int follower = (old + 1) % 3;

        kv.kill(old);
        kv.forget(old);
        assertThat(etcd.members().get(old).isRunning()).as("the dead service's etcd member is still up").isTrue();

        // a client that keeps asking one follower: 307 to the dead leader at first, then 503 once the follower
        // has seen it stop answering, and in the end 307 to the new leader
        List<String> answers = new ArrayList<>();
        await("a new leader").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> {
                    HttpResponse<String> res = Http.send("PUT", kv.url(follower, "/kv/probe"), "v");
                    String location = res.headers().firstValue("Location").orElse("");
                    answers.add(res.statusCode() + " " + (location.startsWith(deadUrl) ? "dead" : location.isEmpty() ? "-" : "new"));
                    return res.statusCode() == 200 || location.startsWith("http") && !location.startsWith(deadUrl);
                });
        int now = kv.awaitLeader();
        assertThat(now).isNotEqualTo(old);
        assertThat(answers).as("the follower's answers, in order").contains("503 -");
        int firstUnavailable = answers.indexOf("503 -");
        assertThat(answers.subList(firstUnavailable, answers.size())).as("after its first 503 it never redirects to the dead leader")
                .doesNotContain("307 dead");
        assertThat(kv.log(now)).contains("is now the leader");
        assertThat(kv.send("PUT", "/kv/after", "v").statusCode()).isEqualTo(200);
    }
}
