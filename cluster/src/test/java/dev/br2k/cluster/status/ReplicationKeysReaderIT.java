package dev.br2k.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.cluster.ReplicationKeys;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.internal.PlainEtcdHttp;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The replication keys as a real etcd holds them, read the way the runtime writes them and no other way. */
class ReplicationKeysReaderIT {

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(1).build();

    private static URI url() {
        return etcd.clientUrls().get(0);
    }

    @Test
    void keys_written_as_the_runtime_writes_them_are_read_back() {
        PlainEtcdHttp.put(url(), "/br2k/good/log-size", "12");
        PlainEtcdHttp.put(url(), "/br2k/good/service-state", "-1");
        PlainEtcdHttp.put(url(), "/br2k/good/state-version", "3");
        PlainEtcdHttp.put(url(), "/br2k/good/leader", "{\"id\":\"good-1\",\"url\":\"http://127.0.0.1:1\",\"term\":4}");
        PlainEtcdHttp.put(url(), "/br2k/good/lpi/good-0", "11");
        PlainEtcdHttp.put(url(), "/br2k/good/ssv/good-0", "3");
        PlainEtcdHttp.put(url(), "/br2k/good-other/log-size", "99");

        ReplicationKeys keys = ReplicationKeysReader.read(EtcdGateway.of(etcd.clientUrls()), "good");

        assertThat(keys.logSize()).isEqualTo(12);
        assertThat(keys.serviceState()).isEqualTo(-1);
        assertThat(keys.stateVersion()).isEqualTo(3);
        assertThat(keys.leader()).contains("good-1");
        assertThat(keys.lpi()).containsExactlyEntriesOf(java.util.Map.of("good-0", 11L));
        assertThat(keys.ssv()).containsExactlyEntriesOf(java.util.Map.of("good-0", 3L));
    }

    @Test
    void a_counter_that_is_not_a_plain_number_is_an_error_naming_the_key_not_a_guess() {
        PlainEtcdHttp.put(url(), "/br2k/odd/log-size", "{\"value\":7}");

        assertThatThrownBy(() -> ReplicationKeysReader.read(EtcdGateway.of(etcd.clientUrls()), "odd"))
                .hasMessageContaining("/br2k/odd/log-size");
    }

    @Test
    void a_leader_value_without_the_id_field_is_an_error_not_a_guess() {
        PlainEtcdHttp.put(url(), "/br2k/guess/leader", "{\"replicaId\":\"guess-0\",\"url\":\"http://127.0.0.1:1\",\"term\":1}");

        assertThatThrownBy(() -> ReplicationKeysReader.read(EtcdGateway.of(etcd.clientUrls()), "guess"))
                .hasMessageContaining("'id'");
    }
}
