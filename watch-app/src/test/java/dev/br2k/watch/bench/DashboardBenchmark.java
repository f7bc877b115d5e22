package dev.br2k.watch.bench;

import atlantafx.base.theme.PrimerDark;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.ServiceRegistration;
import dev.br2k.testkit.Anvil;
import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.backend.RegistryClientGateway;
import dev.br2k.watch.common.Notices;
import dev.br2k.watch.dashboard.DashboardView;
import dev.br2k.watch.dashboard.DashboardViewModel;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.Session;
import dev.br2k.watch.task.FxTaskExecutor;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Registers {@code n} services (default 200) for one account on a local anvil, then measures, a few
 * times, the time from "log-in done" (a session exists) to the dashboard table showing all of them;
 * in the last round, types a filter and deletes it again as a person does, three times, and records the
 * longest pulse gap and the heaviest pulse of each pass.
 *
 * <pre>
 * mvn -q -B -ntp test-compile exec:exec@dashboard-bench
 * </pre>
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    /**
     * Types {@code text} into the dashboard's filter one character every 150 ms, as a person types, then
     * deletes it a character at a time, and returns the longest pulse gap and the most FX-thread CPU
     * between two pulses meanwhile (ms).
     */
    static final int TYPING_PASSES = 3;

    private static double[] typeFilter(DashboardViewModel vm, String text) throws Exception {
        PulseRecorder pulses = new PulseRecorder();
        Platform.runLater(pulses::start);
        TimeUnit.MILLISECONDS.sleep(300);
        pulses.reset();
        for (int i = 1; i <= text.length(); i++) {
            String typed = text.substring(0, i);
            Platform.runLater(() -> vm.filterProperty().set(typed));
            TimeUnit.MILLISECONDS.sleep(150);
        }
        for (int i = text.length() - 1; i >= 0; i--) {
            String left = text.substring(0, i);
            Platform.runLater(() -> vm.filterProperty().set(left));
            TimeUnit.MILLISECONDS.sleep(150);
        }
        TimeUnit.MILLISECONDS.sleep(300);
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Platform.runLater(() -> {
            pulses.stop();
            stopped.complete(null);
        });
        stopped.get(30, TimeUnit.SECONDS);
        long[] gaps = pulses.snapshot();
        long[] cpu = pulses.cpuSnapshot();
        long longest = 0;
        for (int i = 1; i < gaps.length; i += 2) {
            longest = Math.max(longest, gaps[i]);
        }
        return new double[] {longest / 1e6, Arrays.stream(cpu).max().orElse(0) / 1e6};
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (Anvil anvil = Anvil.builder().build().start();
             RegistryClient manager = RegistryClient.builder().rpcUrl(anvil.rpcUrl()).credentials(anvil.account(0))
                     .pollingInterval(Duration.ofMillis(100)).deploy()) {
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                manager.register(ServiceRegistration.builder(String.format("svc-%03d", i))
                        .description("Benchmark service " + i).location("http://10.0.0." + (i % 250) + ":8080")
                        .replicas(1 + i % 3, 5).build());
            }
            System.out.printf("Registered %d services in %.1f s%n", n, (System.nanoTime() - t) / 1e9);

            try (RegistryClientGateway direct = RegistryClientGateway.connect(anvil.rpcUrl(), manager.registryAddress(), anvil.account(0))) {
                long r0 = System.nanoTime();
                int count = direct.managedServices().size();
                System.out.printf("Read %d services without the UI in %.0f ms%n", count, (System.nanoTime() - r0) / 1e6);
            }
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(60, TimeUnit.SECONDS);
            Platform.setImplicitExit(false); // each round closes its window; the toolkit must outlive it
            Platform.runLater(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
            FxTaskExecutor executor = new FxTaskExecutor();
            Profile profile = new Profile("bench", anvil.rpcUrl(), manager.registryAddress(), "", "");
            List<Double> millis = new ArrayList<>();
            List<double[]> typing = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                RegistryClientGateway gateway = RegistryClientGateway.connect(anvil.rpcUrl(), manager.registryAddress(), anvil.account(0));
                Session session = new Session(profile, gateway, ClusterDirectory.NONE);
                CompletableFuture<Long> filled = new CompletableFuture<>();
                Stage[] stage = new Stage[1];
                DashboardViewModel[] vm = new DashboardViewModel[1];
                long t0 = System.nanoTime();
                Platform.runLater(() -> {
                    vm[0] = new DashboardViewModel(executor, session, new Notices());
                    DashboardView view = new DashboardView(vm[0], item -> { });
                    view.getStylesheets().add(DashboardBenchmark.class.getResource("/dev/br2k/watch/watch.css").toExternalForm());
                    stage[0] = new Stage();
                    stage[0].setScene(new Scene(view, 1280, 800));
                    stage[0].show();
                    view.table().getItems().addListener((javafx.collections.ListChangeListener<Object>) c -> {
                        if (view.table().getItems().size() == n) {
                            view.table().layout();
                            filled.complete(System.nanoTime());
                        }
                    });
                    long shownAt = System.nanoTime();
                    vm[0].start();
                    System.out.printf("  round: window shown after %.0f ms, start() returned after %.0f ms%n",
                            (shownAt - t0) / 1e6, (System.nanoTime() - t0) / 1e6);
                });
                long t1;
                try {
                    t1 = filled.get(Long.getLong("bench.fillSeconds", 300), TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    CompletableFuture<String> why = new CompletableFuture<>();
                    Platform.runLater(() -> why.complete(vm[0].errorProperty().get() + " / items " + vm[0].items().size()));
                    throw new IllegalStateException("The table was not filled in 300 s: " + why.get(60, TimeUnit.SECONDS), e);
                }
                millis.add((t1 - t0) / 1e6);
                if (round == rounds - 1) {
                    for (int pass = 0; pass < TYPING_PASSES; pass++) {
                        typing.add(typeFilter(vm[0], "svc-12"));
                    }
                }
                CompletableFuture<Void> closed = new CompletableFuture<>();
                Platform.runLater(() -> {
                    vm[0].close();
                    stage[0].close();
                    closed.complete(null);
                });
                closed.get(30, TimeUnit.SECONDS);
                session.close();
            }
            List<Double> sorted = new ArrayList<>(millis);
            sorted.sort(Double::compare);
            System.out.println();
            System.out.printf("Dashboard benchmark: %d services of one account, local anvil, %d rounds%n", n, rounds);
            System.out.println("| measure                                      | ms      |");
            System.out.println("|----------------------------------------------|---------|");
            System.out.printf("| log-in done -> table filled, first round     | %7.0f |%n", millis.get(0));
            System.out.printf("| log-in done -> table filled, median          | %7.0f |%n", sorted.get(sorted.size() / 2));
            System.out.printf("| log-in done -> table filled, worst           | %7.0f |%n", sorted.get(sorted.size() - 1));
            for (int pass = 0; pass < typing.size(); pass++) {
                System.out.printf("| typing 'svc-12' and back, pass %d: longest gap | %7.1f |%n", pass + 1, typing.get(pass)[0]);
                System.out.printf("| ... most FX thread CPU between two pulses    | %7.1f |%n", typing.get(pass)[1]);
            }
            System.out.printf("| load average (1 min) at the end              | %7.2f |%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            executor.close();
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }
}
