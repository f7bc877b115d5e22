package dev.br2k.replication.internal;

import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.EtcdMember;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.maintenance.StatusResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The role loop's view of its etcd member, read from real etcd members through their JSON gateway. */
class MemberStatusReaderIT {

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @Test
    void each_member_reports_the_same_leader_term_and_member_id_as_jetcds_status_call() throws Exception {
        EtcdMember leader = etcd.leader();
        try (Client client = Client.builder().endpoints(etcd.clientUrls().toArray(URI[]::new)).build()) {
            for (EtcdMember member : etcd.members()) {
                StatusResponse read = new MemberStatusReader(member.clientUrl(), Duration.ofSeconds(1)).read().orElseThrow();
                StatusResponse jetcd = client.getMaintenanceClient().statusMember(member.clientUrl().toString()).get(5, TimeUnit.SECONDS);

                assertThat(read.getHeader().getMemberId()).isEqualTo(member.memberId()).isEqualTo(jetcd.getHeader().getMemberId());
                assertThat(read.getLeader()).isEqualTo(leader.memberId()).isEqualTo(jetcd.getLeader());
                assertThat(read.getRaftTerm()).isEqualTo(jetcd.getRaftTerm());
                assertThat(read.getHeader().getRaftTerm()).isEqualTo(jetcd.getHeader().getRaftTerm());
            }
        }
    }

    @Test
    void a_port_where_no_member_listens_gives_no_status() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThat(new MemberStatusReader(URI.create("http://127.0.0.1:" + port), Duration.ofMillis(500)).read()).isEmpty();
    }

    @Test
    void member_ids_above_the_signed_range_keep_jetcds_representation() throws Exception {
        String json = "{\"header\":{\"cluster_id\":\"15118495548433857066\",\"member_id\":\"13668033151171901709\","
                + "\"revision\":\"7\",\"raft_term\":\"2\"},\"version\":\"3.4.23\",\"dbSize\":\"20480\","
                + "\"leader\":\"13668033151171901709\",\"raftIndex\":\"4\",\"raftTerm\":\"2\"}";

        StatusResponse status = MemberStatusReader.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(Long.toUnsignedString(status.getHeader().getMemberId())).isEqualTo("13668033151171901709");
        assertThat(status.getLeader()).isEqualTo(status.getHeader().getMemberId());
        assertThat(status.getRaftTerm()).isEqualTo(2);
        assertThat(status.getHeader().getRevision()).isEqualTo(7);
    }
}
