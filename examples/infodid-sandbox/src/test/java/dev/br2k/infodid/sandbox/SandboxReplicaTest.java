package dev.br2k.infodid.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.replication.location.FileLocationPublisher;
import dev.br2k.replication.location.LeaderTerm;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxReplicaTest {

    @TempDir
    Path dir;

    @Test
    void a_location_file_left_by_an_earlier_etcd_cluster_is_replaced_and_the_leader_publishes_on_the_registry() throws Exception {
        Path file = dir.resolve("location.json");
        new FileLocationPublisher(file).publish("infodid", URI.create("http://127.0.0.1:1"), new LeaderTerm(0xcdf818194e3a8c32L, 7, 900));
        List<String> onRegistry = new ArrayList<>();

        SandboxReplica.publisher((service, url, term) -> onRegistry.add(url + " " + term), Map.of("BR2K_LOCATION_FILE", file.toString()))
                .publish("infodid", URI.create("http://127.0.0.1:2"), new LeaderTerm(0x1c2f3a5e7d900b41L, 2, 5));   // a new etcd counts from the start

        assertThat(onRegistry).containsExactly("http://127.0.0.1:2 etcd cluster 1c2f3a5e7d900b41, term 2, revision 5");
        assertThat(FileLocationPublisher.read(file).orElseThrow().url()).isEqualTo(URI.create("http://127.0.0.1:2"));
    }

    @Test
    void a_location_file_of_a_newer_leader_of_the_same_cluster_does_not_keep_the_leader_from_publishing_on_the_registry() throws Exception {
        Path file = dir.resolve("location.json");
        new FileLocationPublisher(file).publish("infodid", URI.create("http://127.0.0.1:1"), new LeaderTerm(0x5eedL, 7, 900));
        List<String> onRegistry = new ArrayList<>();

        SandboxReplica.publisher((service, url, term) -> onRegistry.add(url.toString()), Map.of("BR2K_LOCATION_FILE", file.toString()))
                .publish("infodid", URI.create("http://127.0.0.1:2"), new LeaderTerm(0x5eedL, 2, 5));

        assertThat(onRegistry).as("the registry keeps its own term and decides").containsExactly("http://127.0.0.1:2");
        assertThat(FileLocationPublisher.read(file).orElseThrow().url()).isEqualTo(URI.create("http://127.0.0.1:1"));
    }
}
