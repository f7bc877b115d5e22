package dev.br2k.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.br2k.protocol.Role;
import dev.br2k.protocol.status.ReplicaStatusRecord;
import dev.br2k.protocol.status.StatusCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LeaderProbe} against a real HTTP server that answers as leader, and a port where nothing listens. */
class LeaderProbeTest {
    private HttpServer live;
    private URI liveUrl;
    private URI deadUrl;

    @BeforeEach
    void start() throws IOException {
        live = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        live.createContext("/br2k/status", exchange -> {
            byte[] body = StatusCodec.encode(new ReplicaStatusRecord("kv", "r1", Role.LEADER, 3, 3, 3, 1, 1,
                    Optional.of("r1"), Optional.of("http://127.0.0.1:1"), "http://127.0.0.1:1", Optional.empty(),
                    Optional.empty())).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        live.start();
        liveUrl = URI.create("http://127.0.0.1:" + live.getAddress().getPort());
        try (ServerSocket s = new ServerSocket(0)) {
            deadUrl = URI.create("http://127.0.0.1:" + s.getLocalPort()); // closed again: nothing listens there
        }
    }

    @AfterEach
    void stop() {
        live.stop(0);
    }

    @Test
    void a_leader_that_failed_its_probe_is_not_trusted_again_because_another_replica_was_probed_meanwhile() {
        LeaderProbe probe = new LeaderProbe(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            probe.probe(deadUrl);
            return !probe.answers(deadUrl);
        });

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            probe.probe(liveUrl);
            return probe.failingFor(liveUrl) == 0 && probe.answers(liveUrl);
        });

        assertThat(probe.answers(deadUrl)).as("the dead leader failed its last probe; probing another replica says "
                + "nothing new about it").isFalse();
        assertThat(probe.failingFor(deadUrl)).isPositive();
    }

    @Test
    void a_replica_that_failed_its_probes_long_ago_counts_as_failing_only_from_its_next_probe() throws InterruptedException {
        // as when a replica that once led and stepped down leads again: a follower probes it afresh
        LeaderProbe probe = new LeaderProbe(Duration.ofMillis(300));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            probe.probe(deadUrl);
            return probe.refusing(deadUrl, 3);
        });
        Thread.sleep(900); // not probed for three times the staleness limit

        probe.probe(deadUrl);

        assertThat(probe.failingFor(deadUrl)).as("failing time counted from the probes of long ago")
                .isLessThan(Duration.ofMillis(300).toNanos());
        assertThat(probe.refusing(deadUrl, 3)).as("refusals counted from the probes of long ago").isFalse();
        assertThat(probe.answers(deadUrl)).as("not trusted before it answers").isFalse();
    }

    @Test
    void a_replica_refusing_connections_is_seen_as_gone_after_three_probes_while_another_is_probed_in_between() {
        LeaderProbe probe = new LeaderProbe(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            probe.probe(deadUrl);
            probe.probe(liveUrl); // probes of several replicas interleave
            return probe.refusing(deadUrl, 3) && probe.answers(liveUrl) && probe.failingFor(liveUrl) == 0;
        });
        assertThat(probe.refusing(liveUrl, 1)).isFalse();
        assertThat(probe.answers(deadUrl)).isFalse();
    }
}
