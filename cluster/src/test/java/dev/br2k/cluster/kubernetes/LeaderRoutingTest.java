package dev.br2k.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import dev.br2k.cluster.kubernetes.leaderlabel.LeaderLabeller;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client Service reaches the leader: a sidecar labels the leader's pod, the Service selects the label. */
class LeaderRoutingTest {
    DeploymentContext ctx;
    PodSpec pod;

    @BeforeEach
    void setUp() throws Exception {
        ctx = DeploymentContextParser.parse(Path.of(getClass().getResource("/contexts/lab.yaml").toURI()));
        pod = DesiredState.statefulSet(ctx, 3).getSpec().getTemplate().getSpec();
    }

    @Test
    void the_client_service_selects_only_the_pod_labelled_leader() {
        Service clients = DesiredState.clientService(ctx);

        assertThat(clients.getSpec().getSelector()).containsEntry(LeaderLabeller.LABEL, "leader")
                .containsAllEntriesOf(KubernetesNames.selector(ctx.service()));
    }

    @Test
    void each_pod_runs_the_labeller_beside_the_service_with_a_service_account_that_may_patch_pods() {
        Container sidecar = pod.getContainers().stream().filter(c -> c.getName().equals("leader-label")).findFirst().orElseThrow();
        assertThat(sidecar.getImage()).isEqualTo(ctx.image());
        assertThat(sidecar.getCommand()).contains(LeaderLabeller.class.getName());
        assertThat(sidecar.getEnv()).extracting(EnvVar::getName).contains("POD_NAME", "POD_NAMESPACE", "BR2K_HTTP_PORT");
        assertThat(pod.getServiceAccountName()).isEqualTo(ctx.service());

        Role role = DesiredState.leaderLabelRole(ctx);
        assertThat(role.getRules()).singleElement().satisfies((PolicyRule rule) -> {
            assertThat(rule.getApiGroups()).containsExactly("");
            assertThat(rule.getResources()).containsExactly("pods");
            assertThat(rule.getVerbs()).containsExactlyInAnyOrder("get", "patch");
        });
        RoleBinding binding = DesiredState.leaderLabelRoleBinding(ctx);
        assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(s -> {
            assertThat(s.getKind()).isEqualTo("ServiceAccount");
            assertThat(s.getName()).isEqualTo(DesiredState.serviceAccount(ctx).getMetadata().getName());
            assertThat(s.getNamespace()).isEqualTo(ctx.namespace());
        });
        assertThat(List.of(pod.getContainers().size())).containsExactly(3);
    }
}
