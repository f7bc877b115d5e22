package dev.br2k.replication.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.testkit.EtcdCluster;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.GetResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Followers read the entries a watch event announced from their own member; these tests tell which of the
 * two reads {@link Etcd#readAtLeast} used by giving the serializable and the linearizable form different keys.
 */
class EtcdReadIT {
    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    private static Client client;
    private static Etcd kv;

    @BeforeAll
    static void connect() {
        client = Client.builder().endpoints(etcd.clientUrls().get(0)).build();
        kv = new Etcd(client.getKVClient(), Duration.ofSeconds(5));
        kv.put("/read/local", "local".getBytes());
        kv.put("/read/quorum", "quorum".getBytes());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void a_member_that_has_seen_the_revision_answers_without_a_consensus_round() {
        long revision = kv.get("/read/quorum").orElseThrow().getModRevision();

        List<GetResponse> got = kv.readAtLeast(revision, List.of(Etcd.key("/read/local", true)),
                List.of(Etcd.key("/read/quorum", false)));

        assertThat(Etcd.str(got.get(0).getKvs().get(0).getValue())).isEqualTo("local");
    }

    @Test
    void a_member_behind_the_revision_is_not_trusted_and_a_linearizable_read_answers() {
        long future = kv.get("/read/quorum").orElseThrow().getModRevision() + 1_000_000;

        List<GetResponse> got = kv.readAtLeast(future, List.of(Etcd.key("/read/local", true)),
                List.of(Etcd.key("/read/quorum", false)));

        assertThat(Etcd.str(got.get(0).getKvs().get(0).getValue())).isEqualTo("quorum");
    }
}
