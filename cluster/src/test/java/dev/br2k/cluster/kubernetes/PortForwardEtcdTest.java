package dev.br2k.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortForwardEtcdTest {

    static Pod pod(String name, boolean etcdRunning, boolean etcdReady) {
        PodBuilder b = new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewContainerStatus().withName("service").withReady(true).withNewState().withNewRunning().endRunning().endState().endContainerStatus()
                .endStatus();
        if (etcdRunning) {
            b.editStatus().addNewContainerStatus().withName("etcd").withReady(etcdReady)
                    .withNewState().withNewRunning().endRunning().endState().endContainerStatus().endStatus();
        } else {
            b.editStatus().addNewContainerStatus().withName("etcd").withReady(false).withRestartCount(7)
                    .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState().endContainerStatus().endStatus();
        }
        return b.build();
    }

    @Test
    void a_pod_whose_etcd_crash_loops_is_never_forwarded_to_and_ready_members_come_first() {
        List<Pod> pods = List.of(pod("infodid-0", false, false), pod("infodid-1", true, false), pod("infodid-2", true, true));

        assertThat(PortForwardEtcd.candidates(pods, Set.of())).containsExactly("infodid-2", "infodid-1");
    }

    @Test
    void after_a_failed_forward_the_next_attempt_goes_to_another_pod() {
        List<Pod> pods = List.of(pod("infodid-0", true, true), pod("infodid-1", true, true));

        assertThat(PortForwardEtcd.candidates(pods, Set.of("infodid-0"))).containsExactly("infodid-1");
    }
}
