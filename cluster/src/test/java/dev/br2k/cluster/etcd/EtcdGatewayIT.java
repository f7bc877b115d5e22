package dev.br2k.cluster.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.cluster.MemberInfo;
import dev.br2k.testkit.EtcdCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Membership changes through the gateway against a real 3-member etcd. */
class EtcdGatewayIT {

    @RegisterExtension
    static final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @Test
    void a_peer_url_removed_a_moment_ago_can_be_added_again() {
        // As REDUCE then ADD, or RECOVERY removing a stray member and adding its replica back, do. etcd
        // derives a member's id from its peer URLs and the current second: within the second of its
        // removal the same URL gets the removed id again, which etcd refuses ("member not found").
        EtcdGateway gateway = EtcdGateway.of(etcd.clientUrls());
        String peerUrl = "http://127.0.0.1:1";
        for (int round = 0; round < 3; round++) {
            MemberInfo added = gateway.addMember(peerUrl);
            assertThat(gateway.members()).hasSize(4).anyMatch(m -> m.peerUrls().contains(peerUrl));

            assertThat(gateway.removeMember(added.id())).isTrue();
            assertThat(gateway.members()).hasSize(3).noneMatch(m -> m.peerUrls().contains(peerUrl));
        }
    }
}
