package dev.br2k.replication.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLocationPublisherTest {
    /** etcd cluster ids are random unsigned 64-bit values: one with the top bit set reads negative in Java. */
    private static final long CLUSTER = 0xcdf818194e3a8c32L;
    private static final long NEW_CLUSTER = 0x1c2f3a5e7d900b41L;

    @TempDir
    Path dir;

    @Test
    void the_file_holds_the_latest_published_location() throws Exception {
        Path file = dir.resolve("sub/location.json");
        FileLocationPublisher publisher = new FileLocationPublisher(file);

        publisher.publish("kv", URI.create("http://127.0.0.1:1"), new LeaderTerm(CLUSTER, 2, 10));
        publisher.publish("kv", URI.create("http://127.0.0.1:2"), new LeaderTerm(CLUSTER, 2, 15));

        var location = FileLocationPublisher.read(file).orElseThrow();
        assertThat(location.service()).isEqualTo("kv");
        assertThat(location.url()).isEqualTo(URI.create("http://127.0.0.1:2"));
        assertThat(location.term()).isEqualTo(new LeaderTerm(CLUSTER, 2, 15));
        assertThat(FileLocationPublisher.read(dir.resolve("none.json"))).isEmpty();
    }

    @Test
    void a_deposed_leaders_late_location_is_refused_and_the_newer_one_stays() throws Exception {
        Path file = dir.resolve("location.json");
        FileLocationPublisher newLeader = new FileLocationPublisher(file);
        FileLocationPublisher deposedLeader = new FileLocationPublisher(file);
        newLeader.publish("kv", URI.create("http://new:8080"), new LeaderTerm(CLUSTER, 3, 40));

        assertThatThrownBy(() -> deposedLeader.publish("kv", URI.create("http://old:8080"), new LeaderTerm(CLUSTER, 2, 90)))
                .isInstanceOfSatisfying(StaleLeaderTermException.class, e -> {
                    assertThat(e.stored()).isEqualTo(new LeaderTerm(CLUSTER, 3, 40));
                    assertThat(e.given()).isEqualTo(new LeaderTerm(CLUSTER, 2, 90));
                })
                .hasMessageContaining("A newer leader already published");
        assertThatThrownBy(() -> deposedLeader.publish("kv", URI.create("http://old:8080"), new LeaderTerm(CLUSTER, 3, 40)))
                .isInstanceOf(StaleLeaderTermException.class);

        assertThat(FileLocationPublisher.read(file).orElseThrow().url()).isEqualTo(URI.create("http://new:8080"));
    }

    @Test
    void a_leader_of_a_new_etcd_cluster_replaces_the_location_although_its_term_counts_from_the_start() throws Exception {
        Path file = dir.resolve("location.json");
        new FileLocationPublisher(file).publish("kv", URI.create("http://old-cluster:8080"), new LeaderTerm(CLUSTER, 9, 4000));

        new FileLocationPublisher(file).publish("kv", URI.create("http://new-cluster:8080"), new LeaderTerm(NEW_CLUSTER, 2, 6));

        var location = FileLocationPublisher.read(file).orElseThrow();
        assertThat(location.url()).isEqualTo(URI.create("http://new-cluster:8080"));
        assertThat(location.term()).isEqualTo(new LeaderTerm(NEW_CLUSTER, 2, 6));
    }

    @Test
    void after_a_new_cluster_published_a_deposed_leader_of_that_cluster_is_refused_again() throws Exception {
        Path file = dir.resolve("location.json");
        FileLocationPublisher publisher = new FileLocationPublisher(file);
        publisher.publish("kv", URI.create("http://old-cluster:8080"), new LeaderTerm(CLUSTER, 9, 4000));
        publisher.publish("kv", URI.create("http://new-leader:8080"), new LeaderTerm(NEW_CLUSTER, 3, 40));

        for (LeaderTerm stale : new LeaderTerm[] {new LeaderTerm(NEW_CLUSTER, 2, 90), new LeaderTerm(NEW_CLUSTER, 3, 39), new LeaderTerm(NEW_CLUSTER, 3, 40)}) {
            assertThatThrownBy(() -> publisher.publish("kv", URI.create("http://deposed:8080"), stale))
                    .as("%s after %s", stale, "cluster NEW_CLUSTER term 3 revision 40")
                    .isInstanceOfSatisfying(StaleLeaderTermException.class,
                            e -> assertThat(e.stored()).isEqualTo(new LeaderTerm(NEW_CLUSTER, 3, 40)));
        }

        assertThat(FileLocationPublisher.read(file).orElseThrow().url()).isEqualTo(URI.create("http://new-leader:8080"));
    }

    @Test
    void a_file_written_before_leader_terms_reads_as_term_zero_and_any_leader_replaces_it() throws Exception {
        Path file = dir.resolve("location.json");
        Files.writeString(file, "{\"service\":\"kv\",\"url\":\"http://127.0.0.1:1\",\"updatedAt\":\"2026-12-01T00:00:00Z\"}");

        new FileLocationPublisher(file).publish("kv", URI.create("http://127.0.0.1:2"), new LeaderTerm(CLUSTER, 1, 1));

        assertThat(FileLocationPublisher.read(file).orElseThrow().url()).isEqualTo(URI.create("http://127.0.0.1:2"));
    }
}
