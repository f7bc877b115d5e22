package dev.br2k.watch.screenshots;

import static dev.br2k.watch.testing.FxPrograms.fx;
import static dev.br2k.watch.testing.FxPrograms.waitFor;

import atlantafx.base.theme.PrimerDark;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.ServiceRegistration;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.dashboard.ServiceItem;
import dev.br2k.watch.shell.MainWindow;
import dev.br2k.watch.task.FxTaskExecutor;
import dev.br2k.watch.testing.WatchSandbox;
import dev.br2k.testkit.Anvil;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders the Watch's main screens against real components (anvil with the ServiceRegistry, a
 * LocalCluster of three KvService replicas) and writes PNGs:
 * {@code 01-login.png}, {@code 02-dashboard.png}, {@code 03-service-logs.png}, {@code 04-faulty.png},
 * {@code 05-recovery.png}, {@code 06-failover.png} (the leader killed: the failover on the timeline, requests/s
 * and latency from the leader's /metrics), {@code 07-dashboard-trend.png} (back on the dashboard: kv's sparkline). With a second argument {@code 2}, the window runs at twice the
 * scale (GTK's {@code glass.gtk.uiScale}, as on a HiDPI screen; the X screen must be 2560x1600) and the
 * screen's own pixels of the service page, the faulty page and the failover are written as
 * {@code 03-service-logs-2x.png}, {@code 04-faulty-2x.png} and {@code 06-failover-2x.png}.
 *
 * <pre>
 * cd watch-app && xvfb-run -a -s "-screen 0 1280x800x24" mvn -q -B -ntp test-compile exec:exec@screenshots
 * </pre>
 *
 * The first argument is the output directory (default {@code ../screenshots}).
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 2560x1600x24" mvn -q -B -ntp exec:exec@screenshots -Dscreenshots.scale=2
 * </pre>
 */
public final class RenderScreenshots {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    /** 1, or 2 for a HiDPI window whose screen pixels are captured. */
    private static int scale = 1;

    private RenderScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "../screenshots").toAbsolutePath().normalize();
        scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        if (scale != 1) {
            System.setProperty("glass.gtk.uiScale", String.valueOf(scale));
        }
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("br2k-watch-screenshots");
        System.out.println("Starting anvil, the registry and a 3-replica LocalCluster of kv…");
        try (Anvil anvil = Anvil.builder().build().start();
             WatchSandbox sandbox = WatchSandbox.start(anvil, work, 3, 5)) {
            registerMore(anvil, sandbox);
            render(sandbox, out);
        } finally {
            Platform.exit();
        }
        System.out.println("Wrote the screenshots to " + out);
        System.exit(0);
    }

    private static void registerMore(Anvil anvil, WatchSandbox sandbox) {
        RegistryClient m = sandbox.manager();
        m.register(ServiceRegistration.builder("infodid").description("User information by DID (did:ethr)")
                .location("https://infodid.example.org").replicas(5, 7).build());
        m.register(ServiceRegistration.builder("payments-gw").description("Payment gateway for the shop")
                .location("https://pay.example.org").replicas(3, 3).build());
        for (String name : new String[] {"infodid", "payments-gw", "ledger"}) {
            m.setRunState(dev.br2k.registry.ServiceId.ofName(name), dev.br2k.registry.RunState.RUNNING);
        }
    }

    private static void render(WatchSandbox sandbox, Path out) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        FxTaskExecutor executor = new FxTaskExecutor();
        Stage[] stage = new Stage[1];
        MainWindow window = fx(() -> {
            javafx.application.Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            MainWindow w = new MainWindow(sandbox.services(executor, Duration.ofSeconds(3)));
            w.prefill(sandbox.profile());
            ((javafx.scene.control.PasswordField) w.lookup("#password")).setText(WatchSandbox.PASSWORD);
            stage[0] = new Stage();
            stage[0].setTitle("BR2K Watch");
            stage[0].setScene(new Scene(w, WIDTH, HEIGHT));
            stage[0].show();
            return w;
        });
        settle();
        shoot(stage[0], out.resolve("01-login.png"));

        fx(() -> {
            ((javafx.scene.control.Button) window.lookup("#login")).fire();   // as a click: the view hands the password over
            return null;
        });
        waitFor("the dashboard", () -> fx(() -> window.dashboard() != null && window.dashboard().loadedProperty().get()
                && window.dashboard().item("kv").map(i -> i.health() == Health.HEALTHY).orElse(false)));
        try (RegistryClient user = RegistryClient.connect(sandbox.anvil().rpcUrl(), sandbox.manager().registryAddress(),
                sandbox.anvil().account(3))) {
            user.sendClaim(sandbox.serviceId(), "kv answers 503 to PUT /kv since 10:02");
        }
        waitFor("the claim", () -> fx(() -> !window.dashboard().claims().isEmpty()));
        settle();
        shoot(stage[0], out.resolve("02-dashboard.png"));

        String leader = sandbox.cluster().state().leader().map(ReplicaState::name).orElse("kv-0");
        fx(() -> {
            ServiceItem kv = window.dashboard().item("kv").orElseThrow();
            window.openService(kv);
            return null;
        });
        traffic(sandbox, 30);
        Thread steady = new Thread(() -> steadyTraffic(sandbox), "steady traffic");
        steady.setDaemon(true);
        steady.start();
        fx(() -> {
            window.servicePage().showAllReplicas();
            return null;
        });
        waitFor("log lines", () -> fx(() -> window.servicePage().logs().visibleLines().size() >= 12));
        settle();
        shoot(stage[0], out.resolve("03-service-logs.png"));

        String victim = sandbox.cluster().state().replicas().stream().map(ReplicaState::name)
                .filter(n -> !n.equals(leader)).reduce((a, b) -> b).orElse("kv-2");
        sandbox.cluster().kill(victim);
        waitFor("RECOVERY to be offered", () -> fx(() -> window.servicePage().canRecoverProperty().get()));
        settle();
        shoot(stage[0], out.resolve("04-faulty.png"));
        fx(() -> {
            window.servicePage().recover();
            return null;
        });
        waitFor("recovery steps", () -> fx(() -> window.servicePage().steps().size() >= 3));
        settle();
        shoot(stage[0], out.resolve("05-recovery.png"));
        waitFor("the service to be healthy again", () -> fx(() -> window.servicePage().item().health() == Health.HEALTHY));

        // The leader crashes: the timeline shows the failover and how long no replica led.
        String oldLeader = sandbox.cluster().state().leader().map(ReplicaState::name).orElseThrow();
        sandbox.cluster().kill(oldLeader);
        waitFor("the failover on the timeline", () -> fx(() -> window.servicePage().charts().leaderChanges().stream()
                .anyMatch(c -> c.failover() && c.previous().map(oldLeader::equals).orElse(false))));
        waitFor("the new leader's requests/s", () -> fx(() -> {
            java.util.List<dev.br2k.watch.replication.TrafficSample> t = window.servicePage().charts().traffic();
            return !t.isEmpty() && t.get(t.size() - 1).at().isAfter(window.servicePage().charts().leaderChanges()
                    .get(window.servicePage().charts().leaderChanges().size() - 1).at().plusSeconds(2));
        }));
        fx(() -> { // the operator drags the log pane's divider down: the banner of the faulty page leaves the charts little room
            window.lookupAll(".split-pane").stream().map(javafx.scene.control.SplitPane.class::cast)
                    .filter(p -> p.getItems().size() == 3).forEach(p -> p.setDividerPositions(0.27, 0.80));
            return null;
        });
        settle();
        shoot(stage[0], out.resolve("06-failover.png"));
        steady.interrupt();

        fx(() -> { // back to the services: kv's sparkline holds the minutes just shown, the failover in red
            ((javafx.scene.control.Button) window.lookup("#back")).fire();
            return null;
        });
        settle();
        shoot(stage[0], out.resolve("07-dashboard-trend.png"));
        fx(() -> {
            window.close();
            stage[0].close();
            return null;
        });
        executor.close();
    }

    /** About 20 writes a second through whichever replica leads, until interrupted: the charts' requests/s and latency. */
    private static void steadyTraffic(WatchSandbox sandbox) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        int i = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                java.util.Optional<String> url = sandbox.cluster().state().leader().flatMap(ReplicaState::status).flatMap(s -> s.leaderUrl());
                for (int n = 0; n < 10 && url.isPresent(); n++, i++) {
                    http.send(HttpRequest.newBuilder(URI.create(url.get().replaceAll("/$", "") + "/kv/steady-" + (i % 500)))
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    TimeUnit.MILLISECONDS.sleep(50);
                }
                if (url.isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(200);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // no leader for a moment (the failover): try the next one
            }
        }
    }

    /** Writes some keys through the leader so that the logs show real requests. */
    private static void traffic(WatchSandbox sandbox, int requests) throws Exception {
        String url = sandbox.cluster().state().leader().flatMap(ReplicaState::status).flatMap(s -> s.leaderUrl())
                .orElseThrow(() -> new IllegalStateException("kv has no leader"));
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < requests; i++) {
            HttpRequest put = HttpRequest.newBuilder(URI.create(url.replaceAll("/$", "") + "/kv/user-" + i))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"user " + i + "\"}")).timeout(Duration.ofSeconds(10)).build();
            try {
                http.send(put, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                System.out.println("request " + i + " failed: " + e.getMessage());
            }
        }
    }

    private static void shoot(Stage stage, Path file) throws Exception {
        if (scale != 1) {
            shootScreen(stage, file);
            return;
        }
        WritableImage image = fx(() -> stage.getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("  " + file.getFileName());
    }

    /** The screen's pixels under the window's content, at the window's scale (the service and faulty pages only). */
    private static void shootScreen(Stage stage, Path file) throws Exception {
        String name = file.getFileName().toString();
        if (!name.startsWith("03-") && !name.startsWith("04-") && !name.startsWith("06-")) {
            return;
        }
        Path scaled = file.resolveSibling(name.replace(".png", "-" + scale + "x.png"));
        WritableImage image = fx(() -> {
            Scene scene = stage.getScene();
            return new Robot().getScreenCapture(null, stage.getX() + scene.getX(), stage.getY() + scene.getY(),
                    scene.getWidth(), scene.getHeight(), false);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", scaled.toFile());
        System.out.println("  " + scaled.getFileName() + " (" + (int) image.getWidth() + "x" + (int) image.getHeight() + ")");
    }

    /** Lets animations, layout and the log pane's batches run. */
    private static void settle() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < until) {
            fx(() -> null);
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
