package dev.br2k.replication.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.EtcdAccessException;
import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.EtcdMember;
import dev.br2k.testkit.tls.TlsFiles;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-time credential check against a real etcd with {@code --client-cert-auth}. Under TLS 1.3 etcd checks the
 * client certificate after the client's side of the handshake is done, so its refusal can reach the client as an
 * alert or as a connection closed without an answer, whichever the client reads first; the check must name the
 * missing certificate either way, every time.
 */
class EtcdPreflightTlsIT {
    static final int TRIES = 40;

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(1).tls().build();

    @Test
    void a_replica_without_a_client_certificate_is_told_to_set_one_every_time() throws Exception {
        EtcdMember member = etcd.leader();
        EtcdAccess caOnly = EtcdAccess.load(new Br2kConfig().etcdEndpoints(member.clientUrl().toString())
                .etcdCaFile(etcd.clientTls().orElseThrow().caFile()));

        for (int i = 0; i < TRIES; i++) {
            assertThatThrownBy(() -> EtcdPreflight.check(caOnly, member.clientUrl(), Duration.ofSeconds(2)))
                    .as("try %d of %d", i + 1, TRIES)
                    .isInstanceOf(EtcdAccessException.class)
                    .hasMessageContaining("refused this replica's client certificate")
                    .hasMessageContaining("BR2K_ETCD_CERT_FILE");
        }
    }

    @Test
    void a_replica_with_its_client_certificate_passes_the_check() throws Exception {
        EtcdMember member = etcd.leader();
        TlsFiles files = etcd.clientTls().orElseThrow();
        EtcdAccess access = EtcdAccess.load(new Br2kConfig().etcdEndpoints(member.clientUrl().toString())
                .etcdCaFile(files.caFile()).etcdClientCertificate(files.certFile(), files.keyFile()));

        assertThat(EtcdPreflight.check(access, member.clientUrl(), Duration.ofSeconds(2))).isEmpty();
    }
}
