package dev.br2k.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.br2k.replication.location.FileLocationPublisher;
import dev.br2k.replication.location.LeaderTerm;
import dev.br2k.replication.location.StaleLeaderTermException;
import dev.br2k.testkit.EtcdCluster;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A new leader publishes its location with its leader term; a later term than any deposed leader's. */
class LocationPublishingIT {
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

    @Test
    void each_new_leader_publishes_its_location_with_a_later_leader_term_than_the_deposed_one() throws Exception {
        kv = KvReplicas.start(etcd, dir, "published", 3);
        Path file = dir.resolve("br2k-location.json");   // the replicas' default location file: beside their state dirs
        int first = kv.awaitLeader();
        await().atMost(Duration.ofSeconds(30)).until(() -> FileLocationPublisher.read(file)
                .filter(l -> l.url().toString().equals(kv.get(first).url().toString())).isPresent());
        LeaderTerm firstTerm = FileLocationPublisher.read(file).orElseThrow().term();
        try (EtcdKeys keys = new EtcdKeys(etcd.endpoints(), "published")) {
            assertThat(firstTerm.clusterId()).as("the etcd cluster id the takeover read").isEqualTo(keys.clusterId());
        }
        assertThat(firstTerm.etcdTerm()).isPositive();
        assertThat(firstTerm.revision()).isPositive();

        kv.stop(first);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            int now = kv.awaitLeader();
            return now != first && FileLocationPublisher.read(file)
                    .filter(l -> l.url().toString().equals(kv.get(now).url().toString())).isPresent();
        });
        LeaderTerm secondTerm = FileLocationPublisher.read(file).orElseThrow().term();
        assertThat(secondTerm.clusterId()).isEqualTo(firstTerm.clusterId());
        assertThat(secondTerm.supersedes(firstTerm)).as("%s supersedes %s", secondTerm, firstTerm).isTrue();
        assertThatThrownBy(() -> new FileLocationPublisher(file).publish("published", kv.get(first == 0 ? 1 : 0).url(), firstTerm))
                .as("the deposed leader's term is refused").isInstanceOf(StaleLeaderTermException.class);
    }

    @Test
    void a_leader_refused_for_a_stale_term_keeps_serving_and_does_not_retry() throws Exception {
        Path file = dir.resolve("location.json");
        long clusterId;
        try (EtcdKeys keys = new EtcdKeys(etcd.endpoints(), "stale")) {
            clusterId = keys.clusterId();
        }
        new FileLocationPublisher(file).publish("stale", URI.create("http://newer-leader:1"), new LeaderTerm(clusterId, 1L << 40, 1));
        FileLocationPublisher publisher = new FileLocationPublisher(file);
        List<LeaderTerm> attempts = new CopyOnWriteArrayList<>();
        kv = KvReplicas.start(etcd, dir, "stale", 1, config -> config.locationPublisher((service, url, term) -> {
            attempts.add(term);
            publisher.publish(service, url, term);
        }));

        kv.awaitLeader();
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.size() == 1);

        assertThat(kv.send("PUT", "/kv/a", "1").statusCode()).isEqualTo(200);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))   // a failure would be retried after 1 s
                .until(() -> attempts.size() == 1);
        assertThat(FileLocationPublisher.read(file).orElseThrow().url()).isEqualTo(URI.create("http://newer-leader:1"));
    }
}
