package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EnableKubernetesMockClient(crud = true)
class PodLogStreamTest {

    static KubernetesClient client;
    static KubernetesMockServer server;

    static final String LOG = "/api/v1/namespaces/br2k/pods/infodid-0/log?pretty=false&container=service";

    @Test
    void a_dropped_pod_log_connection_resumes_from_the_last_timestamp_without_losing_or_repeating_lines() {
        client.pods().inNamespace("br2k").resource(new PodBuilder().withNewMetadata().withName("infodid-0").endMetadata()
                .withNewStatus().withPhase("Running").endStatus().build()).createOr(r -> r.update());
        // First connection: two lines, then the connection drops.
        server.expect().get().withPath(LOG + "&tailLines=5&timestamps=true&follow=true")
                .andReturn(200, "2026-01-01T10:00:01.100000000Z a\n2026-01-01T10:00:02.200000000Z b\n").once();
        // The kubelet resumes at whole seconds, so b comes again before the new line c.
        server.expect().get().withPath(LOG + "&sinceTime=2026-01-01T10:00:02Z&timestamps=true&follow=true")
                .andReturn(200, "2026-01-01T10:00:02.200000000Z b\n2026-01-01T10:00:03.300000000Z c\n").once();
        server.expect().get().withPath(LOG + "&sinceTime=2026-01-01T10:00:03Z&timestamps=true&follow=true")
                .andReturn(200, "2026-01-01T10:00:03.300000000Z c\n").always();
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        AtomicInteger reconnects = new AtomicInteger();
        List<String> gaps = new CopyOnWriteArrayList<>();

        try (PodLogStream stream = new PodLogStream(client, "br2k", "infodid-0", LogOptions.builder().tailLines(5).build(),
                new LogListener() {
                    @Override
                    public void onLine(LogLine line) {
                        lines.add(line);
                    }

                    @Override
                    public void onReconnecting(String cause) {
                        reconnects.incrementAndGet();
                    }

                    @Override
                    public void onGap(String reason) {
                        gaps.add(reason);
                    }
                })) {
            stream.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> reconnects.get() >= 3); // the replay of c was read too
        }

        assertThat(lines).extracting(LogLine::text).containsExactly("a", "b", "c");
        assertThat(lines).extracting(LogLine::sequence).containsExactly(1L, 2L, 3L);
        assertThat(lines.get(2).timestamp()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("2026-01-01T10:00:03.300Z"));
        assertThat(gaps).isEmpty();
    }
}
