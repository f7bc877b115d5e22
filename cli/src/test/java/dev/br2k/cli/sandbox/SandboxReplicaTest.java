package dev.br2k.cli.sandbox;

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
    void a_location_file_left_by_an_earlier_etcd_cluster_does_not_keep_the_leader_from_publishing_on_the_registry() throws Exception {
        Path file = dir.resolve("location.json");
        new FileLocationPublisher(file).publish("infodid", URI.create("http://127.0.0.1:1"), new LeaderTerm(7, 900));
        List<String> onRegistry = new ArrayList<>();

        SandboxReplica.publisher((service, url, term) -> onRegistry.add(url + " " + term), Map.of("BR2K_LOCATION_FILE", file.toString()))
                .publish("infodid", URI.create("http://127.0.0.1:2"), new LeaderTerm(2, 5));   // a new etcd counts from the start

        assertThat(onRegistry).containsExactly("http://127.0.0.1:2 etcd term 2, revision 5");
    }
}
