package dev.br2k.watch.bench;

import static dev.br2k.watch.testing.FxPrograms.fx;
import static dev.br2k.watch.testing.FxPrograms.waitFor;

import atlantafx.base.theme.PrimerDark;
import dev.br2k.testkit.Anvil;
import dev.br2k.watch.WatchServices;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.logs.LogEntry;
import dev.br2k.watch.service.ServicePageViewModel;
import dev.br2k.watch.shell.MainWindow;
import dev.br2k.watch.task.FxTaskExecutor;
import dev.br2k.watch.testing.WatchSandbox;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log pane in the app's own sequence: real components (anvil with the ServiceRegistry, a
 * LocalCluster of three KvService replicas, as {@code RenderScreenshots}), the real {@link MainWindow}
 * driven as an operator does — the log-in screen, log in with the keystore, the dashboard filled —
 * then {@code baselineSeconds} on the dashboard without log lines, then the fed phase: open the
 * service page of {@code kv}, whose first replica (the one the page selects) streams {@code rate}
 * synthetic lines per second ({@link SyntheticLogCluster}; the rest of the cluster is real) for
 * {@code seconds} seconds. Every pulse gap from the page's opening is recorded; the table is the one
 * {@link LogPaneBenchmark} prints, with "open" the moment the page is opened. With {@code warm} seconds,
 * the page is opened and fed that long before the baseline and closed again (back to the dashboard),
 * so the measured opening is the JVM's second.
 *
 * <pre>
 * mvn -B -ntp process-test-classes exec:exec@log-bench-app     # 20,000 lines/s for 30 s after 10 s on the dashboard, -Xmx256m
 * mvn -B -ntp process-test-classes exec:exec@log-bench-app -Dlog-bench.warm=5   # the page opened and fed for 5 s before
 * </pre>
 */
public final class AppLogPaneBenchmark {

    private AppLogPaneBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int baselineSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        System.out.printf("Clock origin (the times below are ms after it): %d ms since the epoch, to match a JFR recording%n",
                System.currentTimeMillis() - BenchClock.now() / 1_000_000);
        Path work = Files.createTempDirectory("br2k-log-bench-app");
        System.out.println("Starting anvil, the registry and a 3-replica LocalCluster of kv…");
        try (Anvil anvil = Anvil.builder().build().start();
             WatchSandbox sandbox = WatchSandbox.start(anvil, work, 3, 5)) {
            run(sandbox, rate, seconds, baselineSeconds, warmSeconds);
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static void run(WatchSandbox sandbox, int rate, int seconds, int baselineSeconds, int warmSeconds) throws Exception {
        String replica = sandbox.cluster().state().replicas().get(0).name();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        FxTaskExecutor executor = new FxTaskExecutor();
        AtomicLong produced = new AtomicLong();
        WatchServices real = sandbox.services(executor, Duration.ofSeconds(3));
        WatchServices services = new WatchServices(real.executor(), real.profiles(), real.unlocker(), real.connector(),
                profile -> SyntheticLogCluster.directory(real.clusters().apply(profile), WatchSandbox.SERVICE, replica, rate, produced),
                real.cancelWindow(), real.kubeconfigs());

        PulseRecorder pulses = new PulseRecorder();
        GcRecorder gcs = GcRecorder.install();
        Stage[] stage = new Stage[1];
        MainWindow window = fx(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            MainWindow w = new MainWindow(services);
            w.prefill(sandbox.profile());
            ((javafx.scene.control.PasswordField) w.lookup("#password")).setText(WatchSandbox.PASSWORD);
            stage[0] = new Stage();
            stage[0].setTitle("BR2K Watch");
            stage[0].setScene(MainWindow.scene(w, 1280, 800));
            stage[0].show();
            pulses.start();
            return w;
        });
        TimeUnit.SECONDS.sleep(2); // the log-in screen, as the operator types the password
        long loginStart = System.nanoTime();
        fx(() -> {
            ((javafx.scene.control.Button) window.lookup("#login")).fire();   // as a click: the view hands the password over
            return null;
        });
        waitFor("the dashboard", () -> fx(() -> window.dashboard() != null && window.dashboard().loadedProperty().get()
                && window.dashboard().item(WatchSandbox.SERVICE).map(i -> i.health() == Health.HEALTHY).orElse(false)));
        System.out.printf("Log in -> dashboard with %s healthy: %,d ms%n", WatchSandbox.SERVICE, (System.nanoTime() - loginStart) / 1_000_000);

        if (warmSeconds > 0) { // the page opened and fed once before, then back to the dashboard
            fx(() -> {
                window.openService(window.dashboard().item(WatchSandbox.SERVICE).orElseThrow());
                return null;
            });
            TimeUnit.SECONDS.sleep(warmSeconds);
            fx(() -> {
                ((javafx.scene.control.Button) window.lookup("#back")).fire();
                return null;
            });
            System.out.printf("The service page was open and fed for %d s before the baseline%n", warmSeconds);
        }
        AtomicLong firstNotice = new AtomicLong();
        AtomicLong firstLine = new AtomicLong();
        String[] selectedByPage = new String[1];
        Phase baseline = Phase.measure("the dashboard, no lines", baselineSeconds, pulses, gcs, () -> { });
        Phase fed = Phase.measure(String.format("%,d lines/s", rate), seconds, pulses, gcs, () -> Platform.runLater(() -> {
            window.openService(window.dashboard().item(WatchSandbox.SERVICE).orElseThrow()); // selects its first replica
            ServicePageViewModel page = window.servicePage();
            selectedByPage[0] = page.selectedReplicaProperty().get();
            if (!page.logs().buffer().lines().isEmpty()) { // the 'connecting to' row, put in the rows by opening
                firstNotice.set(BenchClock.now());
            }
            page.logs().buffer().lines().addListener((ListChangeListener<LogEntry>) change -> {
                while (change.next()) {
                    for (LogEntry e : change.getAddedSubList()) {
                        (e.notice() ? firstNotice : firstLine).compareAndSet(0, BenchClock.now());
                    }
                }
            });
            page.selectReplica(replica); // what the operator clicks; nothing changes if the page chose it already
        }));
        long rows = fx(() -> (long) window.servicePage().logs().buffer().lines().size());
        fx(() -> {
            window.servicePage().logs().stop();
            return null;
        });

        new LogReport(baseline, fed, seconds, produced.get(), "open", firstNotice.get(), firstLine.get(), rows)
                .print(String.format("Log pane in the app's sequence: log in, the dashboard for %d s (baseline), then the service page of %s"
                                + " opened and its replica %s (the page selected %s) fed %,d lines/s for %d s",
                        baselineSeconds, WatchSandbox.SERVICE, replica, selectedByPage[0], rate, seconds));
        fx(() -> {
            window.close();
            stage[0].close();
            return null;
        });
        executor.close();
    }
}
