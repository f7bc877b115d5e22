package dev.br2k.cluster.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import dev.br2k.cluster.MemberInfo;
import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.Tools;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void a_learner_that_never_starts_leaves_the_quorum_alone_and_one_that_joins_is_promoted(@TempDir Path dir) throws Exception {
        EtcdGateway gateway = EtcdGateway.of(etcd.clientUrls());
        String peerUrl = "http://127.0.0.1:" + freePort();
        MemberInfo learner = gateway.addLearner(peerUrl);
        // not started, so not caught up: etcd refuses to promote it (a voter that never starts would count against the quorum)
        assertThat(gateway.promote(learner.id())).isFalse();

        Process process = startJoining(dir, peerUrl, gateway.members());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> gateway.promote(learner.id()));

            assertThat(gateway.members()).hasSize(4).filteredOn(m -> m.peerUrls().contains(peerUrl))
                    .singleElement().satisfies(m -> assertThat(m.started()).isTrue());
            assertThat(gateway.promote(learner.id())).as("promoting a voter again").isTrue();
        } finally {
            process.destroyForcibly().waitFor();
            gateway.removeMember(learner.id());
        }
        assertThat(gateway.members()).hasSize(3);
    }

    /** Starts an etcd that joins the running cluster as the member added with {@code peerUrl}. */
    private static Process startJoining(Path dir, String peerUrl, List<MemberInfo> members) throws IOException {
        List<String> initial = new ArrayList<>();
        for (MemberInfo m : members) {
            initial.add((m.started() ? m.name() : "learner") + "=" + m.peerUrls().get(0));
        }
        String client = "http://127.0.0.1:" + freePort();
        return new ProcessBuilder(Tools.etcd().toString(), "--name", "learner", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                "--initial-cluster", initial.stream().collect(Collectors.joining(",")), "--initial-cluster-state", "existing")
                .redirectErrorStream(true).redirectOutput(dir.resolve("etcd.log").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
