package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.protocol.Role;
import dev.br2k.testkit.EtcdCluster;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ReplicationIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @TempDir
    Path dir;

    private KvReplicas kv;
    private EtcdKeys keys;

    private void start(String service) {
        kv = KvReplicas.start(etcd, dir, service, 3);
        keys = new EtcdKeys(etcd.endpoints(), service);
    }

    @AfterEach
    void stop() {
        if (kv != null) {
            kv.close();
        }
        if (keys != null) {
            keys.close();
        }
    }

    @Test
    void replicated_requests_are_applied_identically_on_all_replicas() {
        start("identical");
        int leader = kv.awaitLeader();
        for (int i = 0; i < 20; i++) {
            assertThat(kv.send("PUT", "/kv/k" + i, "v" + i).statusCode()).isEqualTo(200);
            assertThat(kv.send("POST", "/counter/c", null).statusCode()).isEqualTo(200);
            assertThat(kv.send("POST", "/random/x" + i, null).statusCode()).isEqualTo(200);
        }
        assertThat(kv.send("DELETE", "/kv/k3", null).statusCode()).isEqualTo(204);

        Map<String, String> data = kv.awaitConverged();

        assertThat(data).containsEntry("k0", "v0").containsEntry("k19", "v19").doesNotContainKey("k3")
                .containsEntry("counter:c", "20");
        assertThat(data.keySet()).filteredOn(k -> k.startsWith("x")).hasSize(20);
        assertThat(keys.number("log-size")).isEqualTo(61);
        assertThat(keys.number("service-state")).isEqualTo(61);
    }

    @Test
    void only_once_requests_run_once_on_the_leader() {
        start("onlyonce");
        int leader = kv.awaitLeader();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> res = Http.send("POST", kv.url(leader, "/notify"), null);
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.body()).contains("\"calls\":" + (i + 1));
        }
        Http.send("PUT", kv.url(leader, "/kv/a"), "1");
        kv.awaitConverged();

        assertThat(kv.get(leader).onlyOnceCalls()).isEqualTo(5);
        IntStream.range(0, 3).filter(i -> i != leader).forEach(i -> assertThat(kv.get(i).onlyOnceCalls()).isZero());
        assertThat(keys.all("status/")).hasSize(6);
    }

    @Test
    void external_txn_entries_are_logged_and_processed_by_no_one() {
        start("exttxn");
        int leader = kv.awaitLeader();
        String hash = "0x" + "ab".repeat(32);
        HttpResponse<String> res = Http.send("POST", kv.url(leader, "/txlog"), "{\"txHash\":\"" + hash + "\"}",
                "Content-Type", "application/json");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("\"index\":1");
        HttpResponse<String> bad = Http.send("POST", kv.url(leader, "/txlog"), "{\"txHash\":\"nope\"}",
                "Content-Type", "application/json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("txHash must be");

        kv.awaitConverged();
        assertThat(keys.number("log-size")).isEqualTo(1);
        assertThat(keys.get("log/" + EtcdKeys.index(1))).get().asString().contains(hash).contains("EXTERNAL_TXN");
        assertThat(keys.get("status/" + EtcdKeys.index(1))).get().asString().contains("SUCCESS");
        for (int i = 0; i < 3; i++) {
            assertThat(kv.get(i).onlyOnceCalls()).isZero();
            assertThat(Http.get(kv.url(i, "/br2k/status")).body()).contains("\"lpi\":1");
        }
        assertThat(kv.awaitConverged()).isEmpty();
    }

    @Test
    void followers_redirect_clients_to_the_leader() {
        start("redirect");
        int leader = kv.awaitLeader();
        int follower = (leader + 1) % 3;
        await().atMost(Duration.ofSeconds(30)).until(() -> kv.status(follower).path("leaderUrl").asText().equals(kv.get(leader).url().toString()));

        HttpResponse<String> res = Http.send("PUT", kv.url(follower, "/kv/a?x=1"), "1");

        assertThat(res.statusCode()).isEqualTo(307);
        assertThat(res.headers().firstValue("Location")).contains(kv.get(leader).url() + "/kv/a?x=1");
        assertThat(keys.number("log-size")).isZero();
    }

    @Test
    void a_retried_request_id_gets_the_recorded_answer_and_is_applied_once() {
        start("retry");
        int leader = kv.awaitLeader();
        HttpResponse<String> first = kv.send("POST", "/counter/c", null, "Br2k-Request-Id", "req-1");
        HttpResponse<String> again = kv.send("POST", "/counter/c", null, "Br2k-Request-Id", "req-1");
        HttpResponse<String> other = kv.send("POST", "/counter/c", null, "Br2k-Request-Id", "req-2");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body()).contains("\"value\":1");
        assertThat(other.body()).contains("\"value\":2");
        assertThat(kv.awaitConverged()).containsEntry("counter:c", "2");
        assertThat(keys.number("log-size")).isEqualTo(2);
    }

    @Test
    void a_retry_sent_to_the_next_leader_gets_the_answer_the_previous_leader_recorded_and_runs_nothing_again() {
        start("retrynext");
        int old = kv.awaitLeader();
        HttpResponse<String> first = Http.send("POST", kv.url(old, "/counter/c"), null, "Br2k-Request-Id", "next-1");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        kv.stop(old);
        int leader = kv.awaitLeader();
        HttpResponse<String> again = Http.send("POST", kv.url(leader, "/counter/c"), null, "Br2k-Request-Id", "next-1");
        HttpResponse<String> fresh = Http.send("POST", kv.url(leader, "/counter/c"), null, "Br2k-Request-Id", "next-2");

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body()).contains("\"value\":1");
        assertThat(fresh.body()).contains("\"value\":2");
        assertThat(kv.awaitLeader()).as("the retry did not cost the new leader its role").isEqualTo(leader);
        assertThat(keys.number("log-size")).isEqualTo(2);
    }

    @Test
    void with_pipelining_concurrent_clients_each_get_their_own_count_and_every_replica_applies_each_request_once()
            throws Exception {
        kv = KvReplicas.start(etcd, dir, "pipelined", 3, c -> c.pipelining(true));
        keys = new EtcdKeys(etcd.endpoints(), "pipelined");
        int leader = kv.awaitLeader();
        int clients = 16;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<HttpResponse<String>>>> sent = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                int client = c;
                sent.add(pool.submit(() -> IntStream.range(0, each).mapToObj(i -> Http.send("POST",
                        kv.url(leader, "/counter/c"), null, "Br2k-Request-Id", "p-" + client + "-" + i)).toList()));
            }
            List<Long> values = new ArrayList<>();
            for (var f : sent) {
                for (HttpResponse<String> res : f.get(120, TimeUnit.SECONDS)) {
                    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
                    values.add(KvReplicas.JSON.readTree(res.body()).get("value").asLong());
                }
            }
            // each answer is the committed result of its own entry: the counts 1..400, each once
            assertThat(values).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, clients * each).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(kv.awaitConverged()).containsEntry("counter:c", String.valueOf(clients * each));
        assertThat(keys.number("log-size")).isEqualTo(clients * each);
        String metrics = Http.getAdmin(kv.url(leader, "/metrics")).body();
        Matcher m = Pattern.compile("(?m)^br2k_leader_pipelined_commits_total\\{[^}]*} ([0-9.]+)$").matcher(metrics);
        assertThat(m.find()).as("the pipelined-commits counter is published").isTrue();
        assertThat(Double.parseDouble(m.group(1))).as("commits sent while the one before was unconfirmed").isPositive();
    }

    @Test
    void status_and_metrics_describe_every_replica() {
        start("observed");
        int leader = kv.awaitLeader();
        Http.send("PUT", kv.url(leader, "/kv/a"), "1");
        kv.awaitConverged();

        var st = kv.status(leader);
        assertThat(st.get("id").asText()).isEqualTo("r" + (leader + 1));
        assertThat(st.get("role").asText()).isEqualTo("LEADER");
        assertThat(st.get("lpi").asLong()).isEqualTo(1);
        assertThat(st.get("ssi").asLong()).isEqualTo(1);
        assertThat(st.get("logSize").asLong()).isEqualTo(1);
        assertThat(st.get("stateVersion").asLong()).isEqualTo(1);
        assertThat(st.get("leader").asText()).isEqualTo("r" + (leader + 1));
        String metrics = Http.getAdmin(kv.url(leader, "/metrics")).body();
        assertThat(metrics).contains("br2k_role{", "role=\"leader\"", "br2k_lpi{", "br2k_lag{", "br2k_ssi{",
                "br2k_failovers_total{", "br2k_requests_total{");
        assertThat(metrics).containsPattern("br2k_requests_total\\{[^}]*status=\"success\"[^}]*type=\"replicate\"[^}]*} 1.0");
        // one request alone: one guarded write (commit protocol v2), one handler run
        assertThat(metrics).containsPattern("(?m)^br2k_leader_write_seconds_count\\{[^}]*} 1$")
                .containsPattern("(?m)^br2k_handler_seconds_count\\{[^}]*} 1$")
                .containsPattern("(?m)^br2k_leader_request_seconds_count\\{[^}]*type=\"replicate\"[^}]*} 1$")
                .containsPattern("(?m)^br2k_leader_write_seconds_bucket\\{[^}]*le=\"0\\.005\"[^}]*} ");
    }

    @Test
    void a_follower_never_reports_more_applied_than_the_service_state_it_knows() {
        start("progress");
        int leader = kv.awaitLeader();
        int follower = (leader + 1) % 3;
        for (int i = 0; i < 60; i++) {
            Http.send("PUT", kv.url(leader, "/kv/p" + i), "v");
            var st = kv.status(follower);
            assertThat(st.get("lpi").asLong()).as("lpi <= ssi on the follower after write %d", i)
                    .isLessThanOrEqualTo(st.get("ssi").asLong());
        }
        kv.awaitConverged();
        assertThat(kv.status(follower).get("lpi").asLong()).isEqualTo(60);
    }

    @Test
    void a_request_that_encodes_larger_than_etcd_accepts_gets_413_and_the_leader_keeps_leading() {
        start("oversized");
        int leader = kv.awaitLeader();
        String leaderId = kv.status(leader).get("leader").asText();
        // 1 MiB of control characters passes the body limit (1 MiB of UTF-8) but is six times larger as JSON in the log
        String escaped = "\u0001".repeat(1024 * 1024);

        HttpResponse<String> res = Http.send("PUT", kv.url(leader, "/kv/big"), escaped, "Br2k-Request-Id", "big-1");

        assertThat(res.statusCode()).as(res.body()).isEqualTo(413);
        assertThat(res.body()).contains("bytes once encoded");
        assertThat(keys.number("log-size")).isZero();
        assertThat(kv.send("PUT", "/kv/small", "1").statusCode()).isEqualTo(200);
        assertThat(kv.status(kv.awaitLeader()).get("leader").asText()).as("no failover").isEqualTo(leaderId);
        assertThat(kv.get(leader).app().role()).isEqualTo(Role.LEADER);
    }

    @Test
    void a_leader_whose_takeover_was_superseded_in_the_same_term_cannot_write_with_its_old_fencing_token() {
        // role checks far apart, so that the write itself meets the superseded token
        kv = KvReplicas.start(etcd, dir, "fenced", 3, c -> c.roleCheckInterval(Duration.ofSeconds(3)));
        keys = new EtcdKeys(etcd.endpoints(), "fenced");
        int leader = kv.awaitLeader();
        assertThat(kv.send("PUT", "/kv/a", "1").statusCode()).isEqualTo(200);
        // the same replica takes over again in the same term: the leader key gets byte-identical content,
        // so only its mod revision tells the old pipeline from the new one
        String value = keys.get("leader").orElseThrow();
        keys.put("leader", value);

        HttpResponse<String> stale = Http.send("PUT", kv.url(leader, "/kv/stale"), "written with an old token");

        assertThat(stale.statusCode()).as("a write fenced by the superseded takeover: " + stale.body()).isEqualTo(503);
        assertThat(kv.send("PUT", "/kv/b", "2").statusCode()).isEqualTo(200);
        assertThat(kv.awaitConverged()).containsEntry("a", "1").containsEntry("b", "2").doesNotContainKey("stale");
    }

    @Test
    void a_follower_applies_the_first_request_after_a_quiet_spell_at_once_woken_by_its_watch_not_its_periodic_round() {
        // periodic rounds 3 s apart: a follower applies within 1 s only if a watch event woke it
        kv = KvReplicas.start(etcd, dir, "quiet", 3, c -> c.roleCheckInterval(Duration.ofSeconds(3)));
        keys = new EtcdKeys(etcd.endpoints(), "quiet");
        int leader = kv.awaitLeader();
        List<Integer> followers = kv.running().stream().filter(i -> i != leader).toList();
        for (int spell = 0; spell < 4; spell++) {
            for (int i = 0; i < 20; i++) { // a burst, which the followers apply in batches a follower apply gap apart
                assertThat(kv.send("PUT", "/kv/burst" + i, "s" + spell).statusCode()).isEqualTo(200);
            }
            kv.awaitConverged();
            sleepQuietly(500); // the quiet spell itself: nothing is committed for half a second
            String key = "after-quiet-" + spell;
            assertThat(kv.send("PUT", "/kv/" + key, "v").statusCode()).isEqualTo(200);

            for (int f : followers) {
                await("r" + (f + 1) + " applies " + key + " woken by its watch, not by its periodic round")
                        .atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                        .until(() -> kv.get(f).entries().containsKey(key));
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
