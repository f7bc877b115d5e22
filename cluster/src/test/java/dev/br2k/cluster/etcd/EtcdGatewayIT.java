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
        // etcd derives a member's id from its peer URLs and the second it is added: a URL added again
        // within the second of its previous add (removed since) gets the removed id back, which etcd
        // refuses ("member not found"). Each round here takes milliseconds.
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
