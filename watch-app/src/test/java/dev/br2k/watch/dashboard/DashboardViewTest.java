package dev.br2k.watch.dashboard;

import dev.br2k.cluster.ReplicaPhase;
import dev.br2k.protocol.Role;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.ServiceState;
import org.testfx.api.FxRobot;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.registry.ServiceId;
import dev.br2k.registry.event.ClaimSent;
import dev.br2k.registry.event.LogPosition;
import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.common.Notices;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.Session;
import dev.br2k.watch.task.InlineTaskExecutor;
import dev.br2k.watch.testing.Fx;
import dev.br2k.watch.testing.FakeRegistry;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.OptionalLong;

/** The dashboard in a real (headless) window: typing a filter, as an operator does. */
class DashboardViewTest {

    private final FxRobot robot = new FxRobot();
    private final FakeRegistry registry = new FakeRegistry();
    private DashboardViewModel vm;
    private DashboardView view;

    @BeforeEach
    void showTheDashboard() throws Exception {
        for (String name : List.of("alpha-x", "bravo-y", "charlie-x", "delta-y", "echo-x")) {
            registry.with(FakeRegistry.info(name, 1, 3, ""));
        }
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            vm = new DashboardViewModel(new InlineTaskExecutor(),
                    new Session(new Profile("t", "http://x", "0x1", "/k", ""), registry, ClusterDirectory.NONE), new Notices());
            view = new DashboardView(vm, item -> { });
            stage.setScene(new Scene(view, 1100, 500));
            stage.show();
            vm.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        Fx.run(() -> vm.close());
        FxToolkit.cleanupStages();
    }

    @Test
    void the_selected_service_stays_selected_while_a_filter_that_matches_it_is_typed() {
        Fx.run(() -> view.table().getSelectionModel().select(vm.item("charlie-x").orElseThrow()));

        Fx.run(() -> vm.filterProperty().set("-"));
        Fx.run(() -> vm.filterProperty().set("-x"));

        assertThat(Fx.get(() -> view.table().getItems())).extracting(ServiceItem::name).containsExactly("alpha-x", "charlie-x", "echo-x");
        assertThat(Fx.get(() -> view.table().getSelectionModel().getSelectedItem().name())).isEqualTo("charlie-x");

        Fx.run(() -> vm.filterProperty().set("-y"));
        assertThat(Fx.get(() -> view.table().getSelectionModel().getSelectedItem())).isNull();
        Fx.run(() -> vm.filterProperty().set(""));
        assertThat(Fx.get(() -> view.table().getSelectionModel().getSelectedItem().name())).isEqualTo("charlie-x");
    }

    @Test
    void a_health_badge_shown_the_same_health_again_keeps_its_icon_and_a_new_health_replaces_it() {
        HealthBadge badge = Fx.get(() -> new HealthBadge(Health.HEALTHY));
        javafx.scene.Node icon = Fx.get(badge::getGraphic);

        Fx.run(() -> badge.show(Health.HEALTHY)); // what a table does for every visible row when its rows move
        assertThat(Fx.get(badge::getGraphic)).isSameAs(icon);

        Fx.run(() -> badge.show(Health.FAULTY));
        assertThat(Fx.get(badge::getText)).isEqualTo(Health.FAULTY.label());
        assertThat(Fx.get(() -> badge.getStyleClass())).contains("faulty").doesNotContain("healthy");
        Fx.run(() -> badge.show(null));
        assertThat(Fx.get(badge::getGraphic)).isNull();
        assertThat(Fx.get(badge::getText)).isEmpty();
    }

    @Test
    void past_the_cap_the_claim_list_says_how_many_older_claims_it_does_not_show() {
        assertThat(Fx.get(() -> view.lookup("#olderClaims").isVisible())).isFalse();

        Fx.run(() -> {
            for (int i = 0; i <= DashboardViewModel.MAX_CLAIMS_SHOWN; i++) {
                registry.emit(new ClaimSent(ServiceId.ofName("alpha-x"), "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "claim " + i,
                        OptionalLong.empty(), new LogPosition(10 + i, "0x01", 0)));
            }
        });

        assertThat(Fx.get(() -> ((ListView<?>) view.lookup("#claims")).getItems().size()))
                .isEqualTo(DashboardViewModel.MAX_CLAIMS_SHOWN);
        assertThat(Fx.get(() -> view.lookup("#olderClaims").isVisible())).isTrue();
        assertThat(Fx.get(() -> ((Label) view.lookup("#olderClaims")).getText())).isEqualTo("1 older claim not shown");
    }

    @Test
    void each_row_shows_a_sparkline_of_the_highest_follower_lag_and_says_when_no_replica_led() {
        Instant t0 = Instant.parse("2026-12-07T06:00:00Z");
        Fx.run(() -> {
            ServiceItem alpha = vm.item("alpha-x").orElseThrow();
            alpha.update(state(t0, "alpha-x-0", 100, 93));
            alpha.update(state(t0.plusSeconds(2), null, 100, 95));
            alpha.update(state(t0.plusSeconds(62), "alpha-x-1", 110, 108));
        });
        WaitForAsyncUtils.waitForFxEvents();

        TrendCell cell = robot.lookup(".table-cell").match(TrendCell.class::isInstance).<TrendCell>queryAll().stream()
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() != null
                        && c.getTableRow().getItem().name().equals("alpha-x")).findFirst().orElseThrow();
        assertThat(Fx.get(cell::getAccessibleText))
                .isEqualTo("Last 1 min: highest follower lag 7 entries, lag now 2, no leader in 1 of 3 samples.");
        assertThat(Fx.get(() -> vm.item("bravo-y").orElseThrow().trend().describe())).isEqualTo("No replication samples yet.");
    }

    /** A two-replica state: {@code leader} (or none) and a follower at {@code lpi} of {@code ssi}. */
    private static ServiceState state(Instant at, String leader, long ssi, long lpi) {
        String service = "alpha-x";
        List<ReplicaState> replicas = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String name = service + "-" + i;
            boolean leads = name.equals(leader);
            replicas.add(new ReplicaState(name, i, ReplicaPhase.RUNNING, "host", 0, Optional.empty(),
                    Optional.of(new ReplicaStatus(name, leads ? Role.LEADER : Role.FOLLOWER, leads ? ssi : lpi, ssi, ssi, 1,
                            Optional.ofNullable(leader), Optional.empty(), Optional.empty())), ""));
        }
        return new ServiceState(service, 2, false, replicas, List.of(), Optional.empty(), at);
    }
}
