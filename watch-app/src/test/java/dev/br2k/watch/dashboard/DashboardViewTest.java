package dev.br2k.watch.dashboard;

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
}
