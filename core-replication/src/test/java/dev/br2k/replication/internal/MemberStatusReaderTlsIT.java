package dev.br2k.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.internal.access.EtcdAccess;
import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.EtcdMember;
import dev.br2k.testkit.tls.TlsFiles;
import io.etcd.jetcd.maintenance.StatusResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The role loop's status read against a real etcd that requires TLS client certificates. */
class MemberStatusReaderTlsIT {

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(1).tls().build();

    @Test
    void reads_the_members_status_over_https_with_the_client_certificate() throws Exception {
        EtcdMember member = etcd.leader();
        TlsFiles files = etcd.clientTls().orElseThrow();
        EtcdAccess access = EtcdAccess.load(new Br2kConfig().etcdEndpoints(member.clientUrl().toString())
                .etcdCaFile(files.caFile()).etcdClientCertificate(files.certFile(), files.keyFile()));

        StatusResponse status = new MemberStatusReader(member.clientUrl(), Duration.ofSeconds(1), access).read().orElseThrow();

        assertThat(status.getHeader().getMemberId()).isEqualTo(member.memberId());
        assertThat(status.getLeader()).isEqualTo(member.memberId());
    }

    @Test
    void without_the_client_certificate_the_member_gives_no_status() throws Exception {
        EtcdMember member = etcd.leader();
        EtcdAccess caOnly = EtcdAccess.load(new Br2kConfig().etcdEndpoints(member.clientUrl().toString())
                .etcdCaFile(etcd.clientTls().orElseThrow().caFile()));

        assertThat(new MemberStatusReader(member.clientUrl(), Duration.ofSeconds(1), caOnly).read()).isEmpty();
    }
}
