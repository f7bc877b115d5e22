package dev.br2k.watch.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.br2k.cluster.Br2kCluster;
import dev.br2k.watch.WatchServices;
import dev.br2k.watch.kube.KubeContextsViewModel;
import dev.br2k.watch.common.Notices;
import dev.br2k.watch.common.OnePerPulse;
import dev.br2k.watch.dashboard.DashboardView;
import dev.br2k.watch.dashboard.DashboardViewModel;
import dev.br2k.watch.dashboard.ServiceItem;
import dev.br2k.watch.login.LoginView;
import dev.br2k.watch.login.LoginViewModel;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.Session;
import dev.br2k.watch.service.ServicePageView;
import dev.br2k.watch.service.ServicePageViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The window's frame: a header with where you are and who you are, the current page, the status
 * bar with the task list, and notifications. It moves between log in, dashboard and service pages.
 */
public final class MainWindow extends StackPane implements AutoCloseable {

    private final WatchServices services;
    private final Notices notices = new Notices();
    private final BorderPane frame = new BorderPane();
    private final Label where = new Label();
    private final Label account = new Label();
    private final Button logout = new Button("Log out", Icons.of(MaterialDesignL.LOGOUT));
    private final LoginViewModel login;
    private DashboardViewModel dashboard;
    private DashboardView dashboardView;
    private ServicePageViewModel page;

    public MainWindow(WatchServices services) {
        this.services = Objects.requireNonNull(services, "services");
        this.login = new LoginViewModel(services.executor(), services.profiles(), services.unlocker(),
                services.connector(), services.clusters(), new KubeContextsViewModel(services.executor(), services.kubeconfigs()));
        login.kube().load();
        getStyleClass().add("br2k-watch");
        getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("/dev/br2k/watch/watch.css")).toExternalForm());

        Label brand = new Label("BR2K Watch", Icons.of(MaterialDesignS.SHIELD_SYNC_OUTLINE));
        brand.getStyleClass().addAll(Styles.TITLE_4, "brand");
        where.getStyleClass().add(Styles.TEXT_MUTED);
        where.setId("where");
        account.setId("account");
        account.getStyleClass().addAll(Styles.TEXT_SMALL, "account");
        logout.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        logout.setOnAction(e -> logOut());
        logout.setVisible(false);
        HBox header = new HBox(12, brand, where, new Spacer(), account, logout);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 16, 8, 16));
        header.getStyleClass().add("header");
        frame.setTop(header);
        frame.setBottom(new StatusBar(services.executor()));
        NotificationLayer notificationLayer = new NotificationLayer(notices);
        getChildren().addAll(frame, notificationLayer);

        login.sessionProperty().addListener((o, was, now) -> {
            if (now != null) {
                showDashboard(now);
            }
        });
        showLogin();
    }

    /** A scene for the window at the given size. */
    public static Scene scene(MainWindow window, double width, double height) {
        return new Scene(window, width, height);
    }

    /** Fills the log-in form from a profile given on the command line. */
    public void prefill(Profile profile) {
        login.prefill(profile);
    }

    public LoginViewModel login() {
        return login;
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    public ServicePageViewModel servicePage() {
        return page;
    }

    public Notices notices() {
        return notices;
    }

    private void showLogin() {
        where.setText("");
        account.setText("");
        logout.setVisible(false);
        setPage(new LoginView(login));
    }

    private void showDashboard(Session session) {
        dashboard = new DashboardViewModel(services.executor(), session, notices);
        dashboardView = new DashboardView(dashboard, this::openService);
        account.setText(session.account() + "  ·  " + session.profile().name());
        logout.setVisible(true);
        dashboard.start();
        backToDashboard();
        dev.br2k.watch.service.PageWarmUp.start(services.executor(), getStylesheets(), () -> { });
    }

    /** Opens a service's page. */
    public void openService(ServiceItem item) {
        closePage();
        Optional<Br2kCluster> cluster;
        try {
            cluster = dashboard.cluster(item.name());
        } catch (RuntimeException e) { // unreachable: the page shows the registry's view; the dashboard says why
            cluster = Optional.empty();
        }
        page = new ServicePageViewModel(services.executor(), dashboard, item, cluster, services.cancelWindow());
        where.setText("›  Services  ›  " + item.name());
        setPage(new ServicePageView(page, this::backToDashboard));
        // The log stream starts in the pulse after the page is shown: connecting is not the opening pulse's work.
        ServicePageViewModel opened = page;
        OnePerPulse.run(List.of(() -> {
            if (page == opened) {
                opened.start();
            }
        }));
    }

    private void backToDashboard() {
        closePage();
        where.setText("›  Services");
        setPage(dashboardView);
    }

    private void closePage() {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    private void logOut() {
        closePage();
        if (dashboard != null) {
            dashboard.close();
            dashboard.session().close();
            dashboard = null;
        }
        login.loggedOut();
        showLogin();
    }

    private void setPage(Node node) {
        frame.setCenter(node);
    }

    @Override
    public void close() {
        closePage();
        if (dashboard != null) {
            dashboard.close();
            dashboard.session().close();
        }
    }
}
