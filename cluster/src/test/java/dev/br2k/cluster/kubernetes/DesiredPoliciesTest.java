package dev.br2k.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PodDisruptionBudget and the NetworkPolicy that come with the StatefulSet. */
class DesiredPoliciesTest {
    DeploymentContext ctx;
    Map<String, String> podLabels;

    @BeforeEach
    void setUp() throws Exception {
        ctx = DeploymentContextParser.parse(Path.of(getClass().getResource("/contexts/lab.yaml").toURI()));
        podLabels = DesiredState.statefulSet(ctx, 3).getSpec().getTemplate().getMetadata().getLabels();
    }

    @Test
    void a_voluntary_disruption_takes_down_at_most_one_replica_of_the_service() {
        PodDisruptionBudget pdb = DesiredState.disruptionBudget(ctx);

        assertThat(pdb.getApiVersion()).isEqualTo("policy/v1");
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(pdb.getSpec().getMinAvailable()).as("a PDB sets one of minAvailable and maxUnavailable").isNull();
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void only_the_services_own_pods_reach_etcd_and_anyone_reaches_the_service_port() {
        NetworkPolicy policy = DesiredState.networkPolicy(ctx);

        assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            Set<Integer> ports = rule.getPorts().stream().map(p -> p.getPort().getIntVal()).collect(Collectors.toSet());
            if (ports.contains(2379) || ports.contains(2380)) {
                assertThat(rule.getFrom()).as("who reaches etcd").singleElement().satisfies(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNull();
                    assertThat(peer.getIpBlock()).isNull();
                    assertThat(podLabels).containsAllEntriesOf(peer.getPodSelector().getMatchLabels());
                });
            }
        }
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getFrom()).isNullOrEmpty();
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(ctx.port());
        });
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule ->
                assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).contains(2379, 2380));
    }
}
