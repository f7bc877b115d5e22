package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.testkit.EtcdCluster;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real KvService processes. The leader's process halts at each crash point of spec §1.4 (set through the test-only
 * {@link CrashingKvService} launcher)
 * while handling a non-idempotent request, and the client retries with the same request id on the new
 * leader; then the leader's process is killed with SIGKILL. One cluster of processes runs all five cuts,
 * because starting JVMs is what makes this test slow.
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

    /** v2: a replicate entry is in the log only with its final status; one cut off before its commit is retried. */
    private static final Map<CrashPoint, String> STATUS_LEFT = Map.of(
            CrashPoint.AFTER_APPEND, "SUCCESS",
            CrashPoint.AFTER_IN_PROCESS, "SUCCESS",
            CrashPoint.AFTER_HANDLER, "SUCCESS",
            CrashPoint.AFTER_SUCCESS, "SUCCESS");

    @Test
    void a_leader_halting_at_each_crash_point_or_killed_loses_no_acknowledged_write_and_applies_no_request_twice()
            throws Exception {
        List<CrashPoint> points = List.of(CrashPoint.AFTER_APPEND, CrashPoint.AFTER_IN_PROCESS, CrashPoint.AFTER_HANDLER,
                CrashPoint.AFTER_SUCCESS);
        // whoever leads when index 4, 8, 12, 16 comes halts at that point
        String crashes = String.join(",", points.stream().map(p -> p.name() + ":" + crashIndex(points.indexOf(p))).toList())
                + ",AFTER_HANDLER:" + ONLY_ONCE_INDEX + ",AFTER_HANDLER:" + (GROUP_START + 3);
        kv = new KvProcesses(etcd, dir, "crash", 3);
        kv.startAllCrashing(crashes);
        try (EtcdKeys keys = new EtcdKeys(etcd.endpoints(), "crash")) {
            for (int phase = 0; phase < points.size(); phase++) {
                CrashPoint point = points.get(phase);
                long index = crashIndex(phase);
                for (long i = keys.number("log-size") + 1; i < index; i++) {
                    assertThat(kv.send("PUT", "/kv/k" + i, "v" + i).statusCode()).isEqualTo(200);
                }
                assertThat(keys.number("log-size")).isEqualTo(index - 1);

                int old = kv.awaitLeader();
                assertThatThrownBy(() -> Http.send("POST", kv.url(old, "/counter/c" + index), null, "Br2k-Request-Id", "req-" + index))
                        .as("the leader halts %s before answering", point).isInstanceOf(java.io.UncheckedIOException.class);
                Process crashed = kv.process(old).orElseThrow();
                assertThat(crashed.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(crashed.exitValue()).isEqualTo(86);
                kv.forget(old);

                HttpResponse<String> retry = kv.send("POST", "/counter/c" + index, null, "Br2k-Request-Id", "req-" + index);
                assertThat(retry.statusCode()).isEqualTo(200);
                assertThat(retry.body()).as("retry after %s", point).contains("\"value\":1");
                assertThat(keys.get("status/" + EtcdKeys.index(index))).get().asString()
                        .as("status of the entry cut off %s", point).contains("\"" + STATUS_LEFT.get(point) + "\"");

                kv.startCrashing(old, crashes);
                kv.awaitCaughtUp();
                assertThat(kv.log(old)).as("a replica halted with entries it ran and etcd had not confirmed to it restores (I3)")
                        .contains("may hold entries etcd never confirmed", "restored state version 1");
            }

            // an only-once request whose handler ran on a leader that halted before recording the outcome: its
            // retry is answered 409 "outcome unknown" and never runs a second time (I6)
            for (long i = keys.number("log-size") + 1; i < ONLY_ONCE_INDEX; i++) {
                assertThat(kv.send("PUT", "/kv/k" + i, "v" + i).statusCode()).isEqualTo(200);
            }
            int old = kv.awaitLeader();
            assertThatThrownBy(() -> Http.send("POST", kv.url(old, "/notify"), null, "Br2k-Request-Id", "notify-once"))
                    .as("the leader halts after the only-once handler ran").isInstanceOf(java.io.UncheckedIOException.class);
            Process crashed = kv.process(old).orElseThrow();
            assertThat(crashed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(crashed.exitValue()).isEqualTo(86);
            kv.forget(old);

            HttpResponse<String> retry = kv.send("POST", "/notify", null, "Br2k-Request-Id", "notify-once");
            assertThat(retry.statusCode()).as(retry.body()).isEqualTo(409);
            assertThat(retry.body()).contains("outcome unknown");
            assertThat(keys.number("log-size")).as("the retry is not appended again").isEqualTo(ONLY_ONCE_INDEX);
            // IGNORE if the new leader's takeover replayed it, IN_PROCESS if it had already followed past it (spec §1.5)
            assertThat(keys.get("status/" + EtcdKeys.index(ONLY_ONCE_INDEX))).get().asString()
                    .containsAnyOf("\"IGNORE\"", "\"IN_PROCESS\"");
            kv.startCrashing(old, crashes);
            kv.awaitCaughtUp();

            // a group of requests cut off inside: 8 clients at once; the leader halts after running the handlers of
            // the group that holds index GROUP_START + 3, before its commit. Every request is applied exactly once.
            for (long i = keys.number("log-size") + 1; i < GROUP_START; i++) {
                assertThat(kv.send("PUT", "/kv/k" + i, "v" + i).statusCode()).isEqualTo(200);
            }
            int groupLeader = kv.awaitLeader();
            List<java.util.concurrent.CompletableFuture<Integer>> group = new java.util.ArrayList<>();
            for (int g = 0; g < 8; g++) {
                int n = g;
                group.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return Http.send("POST", kv.url(groupLeader, "/counter/g" + n), null, "Br2k-Request-Id", "group-" + n)
                                .statusCode();
                    } catch (java.io.UncheckedIOException e) {
                        return -1; // cut off by the halt
                    }
                }));
            }
            Process halted = kv.process(groupLeader).orElseThrow();
            assertThat(halted.waitFor(30, TimeUnit.SECONDS)).as("the leader halts inside the group").isTrue();
            assertThat(halted.exitValue()).isEqualTo(86);
            kv.forget(groupLeader);
            assertThat(group.stream().map(java.util.concurrent.CompletableFuture::join).toList()).as("answers before the halt")
                    .contains(-1);
            for (int g = 0; g < 8; g++) {
                HttpResponse<String> again = kv.send("POST", "/counter/g" + g, null, "Br2k-Request-Id", "group-" + g);
                assertThat(again.statusCode()).isEqualTo(200);
                assertThat(again.body()).as("retry of group-%d", g).contains("\"value\":1");
            }
            kv.startCrashing(groupLeader, crashes);
            kv.awaitCaughtUp();
        }

        // kill -9 of the leader's service process at a quiet moment: a new leader serves, the old one converges
        int old = kv.awaitLeader();
        kv.kill(old);
        for (int i = 0; i < 5; i++) {
            assertThat(kv.send("PUT", "/kv/after-kill" + i, "v").statusCode()).isEqualTo(200);
        }
        assertThat(kv.awaitLeader()).isNotEqualTo(old);
        kv.start(old, Map.of());
        kv.awaitCaughtUp();

        List<Map<String, String>> data = kv.stopAndReadDatabases();
        assertThat(data.get(0)).containsEntry("k1", "v1").containsEntry("k15", "v15").containsEntry("after-kill4", "v")
                .containsEntry("counter:c4", "1").containsEntry("counter:c8", "1")
                .containsEntry("counter:c12", "1").containsEntry("counter:c16", "1")
                .containsEntry("counter:g0", "1").containsEntry("counter:g7", "1");
        assertThat(data.get(1)).isEqualTo(data.get(0));
        assertThat(data.get(2)).isEqualTo(data.get(0));
    }

    @Test
    void a_service_process_whose_environment_sets_BR2K_CRASH_AT_refuses_to_start_and_says_why() throws Exception {
        kv = new KvProcesses(etcd, dir, "refuse", 1);
        kv.startAll(Map.of("BR2K_CRASH_AT", "after-append:1"));

        Process p = kv.process(0).orElseThrow();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the process exits instead of serving").isTrue();
        assertThat(p.exitValue()).isNotZero();
        assertThat(kv.log(0)).contains("BR2K_CRASH_AT is a test hook").contains("remove it");
    }

    private static final long ONLY_ONCE_INDEX = 20;
    private static final long GROUP_START = 24;

    private static long crashIndex(int phase) {
        return 4L * (phase + 1);
    }
}
