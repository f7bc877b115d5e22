package dev.br2k.watch.dashboard;

import dev.br2k.registry.ServiceId;
import dev.br2k.registry.event.ClaimSent;
import dev.br2k.registry.event.LocationChanged;
import dev.br2k.registry.event.LogPosition;
import dev.br2k.registry.event.ManagerChanged;
import dev.br2k.registry.event.ServiceRegistered;
import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.common.Notices;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.Session;
import dev.br2k.watch.task.InlineTaskExecutor;
import dev.br2k.watch.testing.FakeCluster;
import dev.br2k.watch.testing.FakeRegistry;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewModelTest {

    final FakeRegistry registry = new FakeRegistry()
            .with(FakeRegistry.info("kv", 3, 5, "http://127.0.0.1:1"))
            .with(FakeRegistry.info("ledger", 1, 1, ""));
    final FakeCluster kv = new FakeCluster("kv", 3, new ArrayList<>());
    final ClusterDirectory clusters = name -> name.equals("kv") ? Optional.of(kv) : Optional.empty();
    final Notices notices = new Notices();
    final DashboardViewModel vm = new DashboardViewModel(new InlineTaskExecutor(),
            new Session(new Profile("t", "http://x", "0x1", "/k", ""), registry, clusters), notices);

    @Test
    void lists_the_services_sorted_and_filters_them() {
        vm.start();

        assertThat(vm.items()).extracting(ServiceItem::name).containsExactly("kv", "ledger");
        vm.filterProperty().set("LEDG");
        assertThat(vm.visibleItems()).extracting(ServiceItem::name).containsExactly("ledger");
    }

    @Test
    void a_keystroke_that_leaves_the_same_services_shown_does_not_touch_the_table_and_a_reload_keeps_the_filter() {
        for (String name : List.of("alpha-x", "bravo-y", "charlie-x", "delta-y", "echo-x")) {
            registry.with(FakeRegistry.info(name, 1, 3, ""));
        }
        vm.start();
        List<Integer> subChanges = new ArrayList<>();
        vm.visibleItems().addListener((ListChangeListener<ServiceItem>) c -> {
            int n = 0;
            while (c.next()) {
                n++;
            }
            subChanges.add(n);
        });

        vm.filterProperty().set("x");
        assertThat(vm.visibleItems()).extracting(ServiceItem::name).containsExactly("alpha-x", "charlie-x", "echo-x");
        assertThat(subChanges).containsExactly(1);
        vm.filterProperty().set("-x"); // the same three: a table of 1,000 rows would lay out its rows again for nothing
        assertThat(subChanges).containsExactly(1);

        vm.reload();
        assertThat(vm.visibleItems()).extracting(ServiceItem::name).containsExactly("alpha-x", "charlie-x", "echo-x");
        vm.filterProperty().set("");
        assertThat(vm.visibleItems()).extracting(ServiceItem::name).containsExactly(
                "alpha-x", "bravo-y", "charlie-x", "delta-y", "echo-x", "kv", "ledger");
        assertThat(subChanges).last().isEqualTo(1);
    }

    @Test
    void health_comes_from_the_cluster_and_says_so_when_there_is_none() {
        vm.start();
        vm.pollClusters();

        assertThat(vm.item("kv").orElseThrow().health()).isEqualTo(Health.HEALTHY);
        assertThat(vm.item("kv").orElseThrow().runningReplicasProperty().get()).isEqualTo(3);
        assertThat(vm.item("ledger").orElseThrow().health()).isEqualTo(Health.NO_CLUSTER);

        kv.fail("kv-2");
        vm.pollClusters();
        assertThat(vm.item("kv").orElseThrow().health()).isEqualTo(Health.FAULTY);
        assertThat(vm.item("kv").orElseThrow().problems()).anyMatch(p -> p.startsWith("kv-2 is failed"));
    }

    @Test
    void a_location_event_rereads_the_service() {
        vm.start();
        registry.with(FakeRegistry.info("kv", 3, 5, "http://127.0.0.1:2"));

        registry.emit(new LocationChanged(ServiceId.ofName("kv"), "http://127.0.0.1:2", FakeRegistry.ACCOUNT,
                new LogPosition(9, "0x02", 0)));

        assertThat(vm.item("kv").orElseThrow().location()).isEqualTo("http://127.0.0.1:2");
    }

    @Test
    void a_claim_is_listed_and_raises_a_notice() {
        vm.start();

        registry.emit(new ClaimSent(ServiceId.ofName("kv"), "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "503 since 10:02",
                OptionalLong.empty(), new LogPosition(12, "0x03", 0)));

        assertThat(vm.claims()).hasSize(1);
        assertThat(vm.claims().get(0).summary()).isEqualTo("0x7099…79c8 asks to recover kv: 503 since 10:02");
        assertThat(notices.all()).anyMatch(n -> n.title().equals("Claim for kv"));
    }

    @Test
    void services_other_accounts_register_or_hand_over_do_not_reload_the_dashboard() {
        vm.start();
        String other = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
        String third = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
        assertThat(registry.managedServicesReads).hasValue(1);

        for (int i = 0; i < 50; i++) {   // anyone may register names cheaply: each would have re-read every service
            registry.emit(new ServiceRegistered(ServiceId.ofName("spam-" + i), "spam-" + i, other, 1, 1, new LogPosition(20 + i, "0x04", 0)));
        }
        registry.emit(new ManagerChanged(ServiceId.ofName("spam-1"), other, third, new LogPosition(80, "0x05", 0)));
        assertThat(registry.managedServicesReads).hasValue(1);

        registry.emit(new ServiceRegistered(ServiceId.ofName("mine"), "mine", FakeRegistry.ACCOUNT, 1, 1, new LogPosition(81, "0x06", 0)));
        assertThat(registry.managedServicesReads).hasValue(2);
        registry.emit(new ManagerChanged(ServiceId.ofName("given"), other, FakeRegistry.ACCOUNT, new LogPosition(82, "0x07", 0)));
        assertThat(registry.managedServicesReads).hasValue(3);
        registry.emit(new ManagerChanged(ServiceId.ofName("kv"), FakeRegistry.ACCOUNT, other, new LogPosition(83, "0x08", 0)));
        assertThat(registry.managedServicesReads).as("a service handed away leaves the list").hasValue(4);
    }

    @Test
    void the_claim_list_keeps_the_newest_claims_only() {
        vm.start();

        for (int i = 0; i < DashboardViewModel.MAX_CLAIMS_SHOWN + 100; i++) {
            registry.emit(new ClaimSent(ServiceId.ofName("kv"), "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "claim " + i,
                    OptionalLong.empty(), new LogPosition(100 + i, "0x09", 0)));
        }

        assertThat(vm.claims()).hasSize(DashboardViewModel.MAX_CLAIMS_SHOWN);
        assertThat(vm.claims().get(0).summary()).endsWith("claim " + (DashboardViewModel.MAX_CLAIMS_SHOWN + 99));
        assertThat(vm.claims().get(DashboardViewModel.MAX_CLAIMS_SHOWN - 1).summary()).endsWith("claim 100");
        assertThat(vm.olderClaimsProperty().get()).isEqualTo(100);
        assertThat(vm.claimsFooterProperty().get()).isEqualTo("100 older claims not shown");
    }
}
