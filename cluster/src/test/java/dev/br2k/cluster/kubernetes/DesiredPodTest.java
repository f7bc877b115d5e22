package dev.br2k.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.DeploymentContextParser;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The StatefulSet's pod template against what a real cluster asks of it and the mock server does not check. */
class DesiredPodTest {
    DeploymentContext ctx;
    PodSpec pod;

    @BeforeEach
    void setUp() throws Exception {
        ctx = DeploymentContextParser.parse(Path.of(getClass().getResource("/contexts/lab.yaml").toURI()));
        pod = DesiredState.statefulSet(ctx, 3).getSpec().getTemplate().getSpec();
    }

    Container container(String name) {
        return pod.getContainers().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void the_pod_template_meets_the_restricted_pod_security_standard() {
        assertThat(PodSecurityRestricted.violations(pod)).isEmpty();
        assertThat(pod.getSecurityContext().getFsGroup()).as("fsGroup: the non-root user can write its volumes").isNotNull();
    }

    @Test
    void both_containers_request_cpu_and_memory_and_have_a_memory_limit() {
        for (Container c : pod.getContainers()) {
            assertThat(c.getResources().getRequests()).as(c.getName()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(c.getName()).containsKey("memory");
            assertThat(Quantity.getAmountInBytes(c.getResources().getLimits().get("memory")))
                    .as(c.getName()).isGreaterThanOrEqualTo(Quantity.getAmountInBytes(c.getResources().getRequests().get("memory")));
        }
    }

    @Test
    void etcd_is_ready_when_healthy_has_time_to_start_and_is_only_restarted_when_it_stops_listening() {
        Container etcd = container("etcd");
        assertThat(etcd.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");
        assertThat(etcd.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(2379);
        assertThat(etcd.getStartupProbe().getPeriodSeconds() * etcd.getStartupProbe().getFailureThreshold())
                .as("seconds a member may take to start and catch up").isGreaterThanOrEqualTo(300);
        assertThat(etcd.getLivenessProbe().getTcpSocket().getPort().getIntVal())
                .as("liveness must not follow /health, which fails for every member while quorum is lost").isEqualTo(2379);
        assertThat(etcd.getLivenessProbe().getFailureThreshold() * etcd.getLivenessProbe().getPeriodSeconds()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void the_service_container_has_no_liveness_probe_that_could_kill_a_long_restore() {
        assertThat(container("service").getLivenessProbe()).isNull();
        assertThat(container("service").getReadinessProbe().getHttpGet().getPath()).isEqualTo("/br2k/status");
    }

    @Test
    void etcd_compacts_its_history_so_deleted_log_keys_do_not_fill_the_quota() {
        assertThat(container("etcd").getArgs()).contains("--auto-compaction-mode=periodic", "--auto-compaction-retention=1h");
    }
}
