package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.testkit.EtcdCluster;
import io.etcd.jetcd.Client;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service processes that die or freeze while their etcd members live on (and may stay Raft leader): etcd alone
 * would never elect anyone else. Real {@code KvService} processes.
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
        // the follower knows the leader and its last probe of it answered: it redirects there (before, a follower
        // that had not seen the leader yet, or whose one probe had timed out on the loaded machine, said 503 first
        // and 307 to the dying leader after)
        await("the follower redirects to the leader").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> Http.send("PUT", kv.url(follower, "/kv/probe"), "v").headers()
                        .firstValue("Location").orElse("").startsWith(deadUrl));

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

    @Test
    void a_raft_leader_far_behind_the_log_does_not_hand_leadership_to_a_replica_that_cannot_take_over() throws Exception {
        kv = new KvProcesses(etcd, dir, "handoff", 3);
        kv.startAll(Map.of());
        assertThat(kv.send("PUT", "/kv/before", "v").statusCode()).isEqualTo(200);
        int old = kv.awaitLeader();
        kv.awaitCaughtUp();
        int behind = (old + 1) % 3;
        int third = (old + 2) % 3;

        // both followers freeze; the leader commits a backlog far beyond Membership's hand-off lag
        kv.pause(behind);
        kv.pause(third);
        int backlog = 2000;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < backlog; i++) {
                String path = "/kv/k" + i;
                answers.add(clients.submit(() -> Http.send("PUT", kv.url(old, path), "v").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdown();
        }

        // the leader freezes too (its member key, with the highest lpi, lives on for the lease's seconds), and
        // Raft leadership moves to the member of the replica that is 1,000 entries behind, which then wakes
        kv.pause(old);
        try (Client direct = Client.builder().endpoints(etcd.members().get(old).clientUrl().toString()).build()) {
            direct.getMaintenanceClient().moveLeader(etcd.members().get(behind).memberId()).get(10, TimeUnit.SECONDS);
        }
        kv.resume(behind);

        await("the replica behind leads").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> kv.status(behind).map(s -> s.get("role").asText()).orElse(""), role -> role.equals("LEADER"));
        assertThat(kv.log(behind)).as("r%d's log", behind + 1)
                .doesNotContain("handing Raft leadership to r" + (old + 1))
                .doesNotContain("handing Raft leadership to r" + (third + 1));

        kv.resume(old);
        kv.resume(third);
        kv.awaitCaughtUp();
        List<Map<String, String>> databases = kv.stopAndReadDatabases();
        assertThat(databases.get(0)).hasSize(backlog + 1).containsEntry("k" + (backlog - 1), "v");
        assertThat(databases).allSatisfy(db -> assertThat(db).isEqualTo(databases.get(0)));
    }
}
