package dev.br2k.watch.service;

import dev.br2k.cluster.ClusterException;
import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.common.Notices;
import dev.br2k.watch.dashboard.DashboardViewModel;
import dev.br2k.watch.dashboard.ServiceItem;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.Session;
import dev.br2k.watch.task.InlineTaskExecutor;
import dev.br2k.watch.testing.FakeCluster;
import dev.br2k.watch.testing.FakeRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ServicePageViewModelTest {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final InlineTaskExecutor executor = new InlineTaskExecutor();
    FakeRegistry registry;
    FakeCluster cluster;
    DashboardViewModel dashboard;

    ServicePageViewModel page(int replicas, int max) {
        registry = new FakeRegistry(calls).with(FakeRegistry.info("kv", replicas, max, "http://127.0.0.1:1"));
        cluster = new FakeCluster("kv", replicas, calls);
        ClusterDirectory clusters = name -> Optional.of(cluster);
        Session session = new Session(new Profile("t", "http://x", "0x1", "/k", ""), registry, clusters);
        dashboard = new DashboardViewModel(executor, session, new Notices());
        dashboard.start();
        dashboard.pollClusters();
        ServiceItem item = dashboard.item("kv").orElseThrow();
        return new ServicePageViewModel(executor, dashboard, item, dashboard.cluster("kv"), Duration.ofSeconds(5));
    }

    @Test
    void add_is_disabled_at_the_registered_maximum_and_reduce_at_one_replica() {
        ServicePageViewModel atMax = page(3, 3);
        assertThat(atMax.canAddProperty().get()).isFalse();
        assertThat(atMax.canReduceProperty().get()).isTrue();

        ServicePageViewModel atOne = page(1, 3);
        assertThat(atOne.canReduceProperty().get()).isFalse();
        assertThat(atOne.canAddProperty().get()).isTrue();
        assertThat(atOne.countTextProperty().get()).isEqualTo("1 / 3");
    }

    @Test
    void a_closed_page_no_longer_follows_the_cluster_state() {
        ServicePageViewModel vm = page(2, 3);
        assertThat(vm.replicas()).hasSize(2);
        vm.close();

        cluster.fail("kv-1");
        dashboard.pollClusters();

        assertThat(vm.item().health()).isEqualTo(Health.FAULTY);
        assertThat(vm.replicas()).allMatch(ReplicaRow::healthy);
    }

    @Test
    void every_polled_cluster_state_is_a_sample_of_the_replication_charts() {
        ServicePageViewModel vm = page(3, 3);
        assertThat(vm.charts().summary()).startsWith("Leader kv-0");
        assertThat(vm.charts().samples().get(0).followerLags()).containsOnlyKeys("kv-1", "kv-2");

        cluster.fail("kv-0");
        dashboard.pollClusters();

        assertThat(vm.charts().samples()).hasSize(2);
        assertThat(vm.charts().summary()).startsWith("No leader for 0.0 s");
    }

    @Test
    void add_and_reduce_are_disabled_and_recovery_enabled_while_a_replica_is_down() {
        ServicePageViewModel vm = page(2, 3);
        assertThat(vm.canRecoverProperty().get()).as("recovery while healthy").isFalse();

        cluster.fail("kv-1");
        dashboard.pollClusters();

        assertThat(vm.item().health()).isEqualTo(Health.FAULTY);
        assertThat(vm.canAddProperty().get()).isFalse();
        assertThat(vm.canReduceProperty().get()).isFalse();
        assertThat(vm.canRecoverProperty().get()).isTrue();
        assertThat(vm.scaleHintProperty().get()).contains("faulty");
    }

    @Test
    void add_waits_for_the_cancel_window_then_checks_the_chain_then_changes_the_cluster_then_the_registry() {
        ServicePageViewModel vm = page(1, 3);

        vm.add();
        assertThat(vm.activityProperty().get()).isEqualTo(ServicePageViewModel.Activity.PENDING);
        assertThat(vm.pendingMessageProperty().get()).contains("1 → 2").contains("Cancel");
        assertThat(calls).isEmpty();

        executor.runDelayed();

        assertThat(calls).containsExactly("registry dry run setReplicaCount 2", "cluster add 1", "registry setReplicaCount 2");
        assertThat(vm.item().replicaCount()).isEqualTo(2);
        assertThat(vm.activityProperty().get()).isEqualTo(ServicePageViewModel.Activity.IDLE);
        assertThat(vm.steps()).extracting(StepRow::step).containsSubsequence("chain: check kv on the service registry",
                "chain: dry run of setReplicaCount(2)", "etcd member add", "registry: set replica count to 2",
                "verify: cluster and registry agree");
    }

    @Test
    void an_add_the_registry_would_refuse_leaves_the_cluster_untouched_and_says_why() {
        ServicePageViewModel vm = page(1, 3);
        registry.failDryRun = new dev.br2k.registry.RegistryAccessDeniedException("setReplicaCount", "CallerNotManager",
                java.util.Map.of("caller", FakeRegistry.ACCOUNT));

        vm.add();
        executor.runDelayed();

        assertThat(calls).containsExactly("registry dry run setReplicaCount 2");
        assertThat(cluster.state().desiredReplicas()).isEqualTo(1);
        assertThat(vm.errorProperty().get()).contains("nothing was changed").contains("CallerNotManager")
                .contains("manager's keystore");
    }

    @Test
    void a_cancelled_add_changes_nothing() {
        ServicePageViewModel vm = page(1, 3);

        vm.add();
        vm.cancelPending();
        executor.runDelayed();

        assertThat(calls).isEmpty();
        assertThat(vm.canAddProperty().get()).isTrue();
    }

    @Test
    void a_failed_cluster_change_leaves_the_registry_alone_and_says_what_to_do() {
        ServicePageViewModel vm = page(1, 3);
        cluster.failAdd = new ClusterException("etcd member add failed: unhealthy cluster. Run add again to continue.");

        vm.add();
        executor.runDelayed();

        assertThat(calls).containsExactly("registry dry run setReplicaCount 2", "cluster add 1");
        assertThat(vm.errorProperty().get()).startsWith("ADD of kv failed in the cluster").contains("Run add again")
                .contains("The service registry was not changed: it still says 1 replicas");
        assertThat(vm.item().replicaCount()).isEqualTo(1);
        assertThat(dashboard.notices().all()).anyMatch(n -> n.title().equals("ADD failed"));
    }

    @Test
    void recovery_runs_each_step_and_ends_healthy() {
        ServicePageViewModel vm = page(2, 3);
        cluster.fail("kv-1");
        dashboard.pollClusters();

        vm.recover();

        assertThat(calls).containsExactly("cluster recover");
        assertThat(vm.steps()).extracting(StepRow::step).containsExactly("chain: read the recovery information of kv",
                "restart kv-1", "verify: the replicas of kv");
        assertThat(vm.item().health()).isEqualTo(Health.HEALTHY);
        assertThat(vm.canRecoverProperty().get()).isFalse();
    }

    @Test
    void the_log_pane_marks_a_replica_that_recovery_brought_back() {
        ServicePageViewModel vm = page(3, 3);
        vm.selectReplica("kv-1");
        cluster.fail("kv-1");
        dashboard.pollClusters();

        vm.recover();
        vm.logs().flush();

        assertThat(vm.logs().visibleLines()).extracting(e -> e.render(false, false))
                .contains("— reconnected to kv-1 —");
    }

    @Test
    void a_kubernetes_service_whose_kept_context_cannot_be_used_shows_replicas_and_logs_but_offers_no_scaling_or_recovery_and_says_why() {
        registry = new FakeRegistry(calls).with(FakeRegistry.info("kv", 2, 3, "http://127.0.0.1:1"));
        cluster = new FakeCluster("kv", 2, calls);
        ClusterDirectory clusters = name -> Optional.of(new dev.br2k.watch.kube.ObservedCluster(cluster, "context \"lab\", namespace br2k",
                "There is no ConfigMap br2k/kv-context: run 'br2k spray' once."));
        dashboard = new DashboardViewModel(executor, new Session(new Profile("t", "http://x", "0x1", "/k", "", "lab"), registry, clusters), new Notices());
        dashboard.start();
        dashboard.pollClusters();
        ServicePageViewModel vm = new ServicePageViewModel(executor, dashboard, dashboard.item("kv").orElseThrow(),
                dashboard.cluster("kv"), Duration.ofSeconds(5));

        assertThat(vm.replicas()).hasSize(2);
        assertThat(vm.canAddProperty().get()).isFalse();
        assertThat(vm.canReduceProperty().get()).isFalse();
        cluster.fail("kv-1");
        dashboard.pollClusters();
        assertThat(vm.canRecoverProperty().get()).isFalse();
        assertThat(vm.scaleHintProperty().get()).contains("runs on Kubernetes (context \"lab\", namespace br2k)")
                .contains("There is no ConfigMap br2k/kv-context: run 'br2k spray' once.");
        vm.selectReplica("kv-0");
        assertThat(cluster.logListeners).hasSize(1);
    }
}
