package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.br2k.protocol.Role;
import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.EtcdMember;
import io.etcd.jetcd.Client;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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

        EtcdMember member = memberBeside(old);
        etcd.kill(member);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            int now = kv.awaitLeader();
            return now != old;
        });
        int leader = kv.awaitLeader();
        write(leader, "after", 10);
        assertThat(kv.get(old).app().role()).isIn(Role.FOLLOWER, Role.LEARNER);

        etcd.restart(member);

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

    @Test
    void followers_whose_etcd_client_moved_to_the_leaders_member_still_take_over_when_that_member_freezes() throws Exception {
        kv = KvReplicas.start(etcd, dir, "moved", 3);
        int old = kv.awaitLeader();
        // Replica 0 leads, on member 0, which is the second endpoint of both other replicas (own member first).
        EtcdMember first = etcd.members().get(0);
        if (old != 0) {
            try (Client direct = Client.builder().endpoints(memberBeside(old).clientUrl().toString()).build()) {
                direct.getMaintenanceClient().moveLeader(first.memberId()).get(10, TimeUnit.SECONDS);
            }
            await("replica 0 leads").atMost(Duration.ofSeconds(30)).until(() -> kv.awaitLeader() == 0);
        }
        write(0, "before", 5);

        // Each follower's own member goes down in turn while the leader writes. A client given every member
        // (as the replicas were until this test) fell over to member 0, their next endpoint, and stayed there.
        for (int follower : List.of(1, 2)) {
            EtcdMember own = memberBeside(follower);
            etcd.kill(own);
            write(0, "without-" + follower + "-", 3);
            etcd.restart(own);
        }
        kv.awaitConverged();
        assertThat(kv.awaitLeader()).isZero();

        etcd.pause(first);
        try {
            // The two other members elect a leader in about a second and its replica takes over. A replica whose
            // etcd client stayed on member 0 would block in every etcd call until gRPC's keepalive gave the frozen
            // connection up (5 s without an answer, then 3 s more: 12 s when this test was written).
            await("a new leader while member 0 is frozen").atMost(Duration.ofSeconds(7)).until(() -> kv.running().stream()
                    .anyMatch(i -> i != 0 && kv.get(i).app().role() == Role.LEADER));
            write(0, "during", 5);
        } finally {
            etcd.resume(first);
        }
        assertThat(kv.awaitConverged()).hasSize(16).containsEntry("during4", "v4");
    }

    @Test
    void when_the_leaders_member_freezes_the_replica_beside_the_newly_elected_raft_leader_takes_over_itself()
            throws Exception {
        // a long etcd timeout, so that a call held by the frozen member stays held until etcd itself gives up (7 s)
        kv = KvReplicas.start(etcd, dir, "frozen", 3, c -> c.etcdTimeout(Duration.ofSeconds(20)));
        int old = kv.awaitLeader();
        write(old, "before", 5);
        EtcdMember member = memberBeside(old);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logged.start();
        root.addAppender(logged);

        etcd.pause(member);
        try {
            // Each follower renews its member key once a second, and a renewal that reaches an etcd follower is
            // forwarded to the Raft leader: the frozen one. A renewal held there must not hold the replica's role
            // checks, or the replica beside the newly elected Raft leader cannot take over, and a follower moves
            // Raft leadership to itself 1.2 s later (the harsh robustness run's slowest failovers).
            EtcdMember elected = etcd.leader();
            int beside = kv.running().stream().filter(i -> memberBeside(i) == elected).findFirst().orElseThrow();
            // a takeover takes a few role checks (0.1 s each); a replica held by the frozen member, 7 s
            await("the replica beside the elected Raft leader leads").atMost(Duration.ofSeconds(4))
                    .until(() -> kv.get(beside).app().role() == Role.LEADER);
            write(beside, "during", 5);
            assertThat(etcd.currentLeader()).as("the Raft leader elected when the old one froze").contains(elected);
            assertThat(logged.list).map(ILoggingEvent::getFormattedMessage)
                    .noneMatch(line -> line.contains("moving Raft leadership"));
        } finally {
            root.detachAppender(logged);
            etcd.resume(member);
        }
        assertThat(kv.awaitConverged()).hasSize(10).containsEntry("during4", "v4");
    }
}
