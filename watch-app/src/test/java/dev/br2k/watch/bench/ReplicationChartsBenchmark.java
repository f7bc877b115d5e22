package dev.br2k.watch.bench;

import atlantafx.base.theme.PrimerDark;
import dev.br2k.watch.replication.ChartWindow;
import dev.br2k.watch.replication.ReplicationChartsView;
import dev.br2k.watch.replication.ReplicationChartsViewModel;
import dev.br2k.watch.replication.ReplicationSample;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the replication charts cost: {@code charts} charts (five services' pages) in one 1280×800
 * stage, each with a full window of samples (one a second, five replicas; 3,600 for 1 h), measured
 * in one JVM: first {@code baseline} seconds without new samples (what the toolkit costs alone),
 * then {@code warm} seconds with one new sample a second per chart that are not counted (the JIT
 * compiles the drawing code then), then {@code seconds} seconds more of the same. Per phase it
 * prints the process's and the FX thread's CPU time as a share of one core, the drawings and the
 * FX thread's time per drawing, the machine's load, and every thread of the process (from
 * /proc/self/task, so the JIT's compiler threads and the renderer count) above 0.5 % of a core.
 * The charts' cost is the difference of the process's shares of the measured and baseline phases.
 *
 * <pre>
 * mvn -B -ntp process-test-classes exec:exec@charts-bench     # 5 charts, 1 h window, 10 s baseline, 10 s warm-up, 30 s measured
 * mvn -B -ntp process-test-classes exec:exec@charts-bench -Dcharts-bench.window=FIVE_MINUTES
 * </pre>
 */
public final class ReplicationChartsBenchmark {

    private static final int REPLICAS = 5;

    private ReplicationChartsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int charts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int baseline = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        ChartWindow window = args.length > 4 ? ChartWindow.valueOf(args[4]) : ChartWindow.ONE_HOUR;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);

        Instant t0 = Instant.now().minusSeconds(3600);
        List<ReplicationChartsViewModel> vms = new ArrayList<>();
        for (int c = 0; c < charts; c++) {
            ReplicationChartsViewModel vm = new ReplicationChartsViewModel();
            for (int s = 0; s < 3600; s++) {
                vm.record(sample(t0.plusSeconds(s), s));
            }
            vm.windowProperty().set(window);
            vms.add(vm);
        }
        List<ReplicationChartsView> views = new ArrayList<>();
        CompletableFuture<Long> fxThread = new CompletableFuture<>();
        Platform.runLater(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            VBox root = new VBox(4);
            for (ReplicationChartsViewModel vm : vms) {
                ReplicationChartsView view = new ReplicationChartsView(vm);
                VBox.setVgrow(view, Priority.ALWAYS);
                views.add(view);
                root.getChildren().add(view);
            }
            Stage stage = new Stage();
            stage.setScene(new Scene(root, 1280, 800));
            stage.show();
            fxThread.complete(Thread.currentThread().getId());
        });
        long fx = fxThread.get(30, TimeUnit.SECONDS);
        TimeUnit.SECONDS.sleep(3); // the first layout and CSS pass are not measured

        System.out.printf("%d charts, %d replicas each, %s window of %d samples (one a second), 1280x800, %d cores%n",
                charts, REPLICAS, window.label(), window.length().toSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.printf("%-22s %8s %12s %12s %9s %10s %7s%n", "phase", "seconds", "process CPU", "FX thread", "drawings", "ms/drawing", "load");
        double idle = phase("no new samples", baseline, fx, views, () -> { });
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        int[] tick = {3600};
        if (warm > 0) {
            phase("warm-up (JIT), 1/s", warm, fx, views, () -> clock.scheduleAtFixedRate(() -> {
                int s = tick[0]++;
                Platform.runLater(() -> vms.forEach(vm -> vm.record(sample(t0.plusSeconds(s), s))));
            }, 0, 1, TimeUnit.SECONDS));
        }
        double fed = phase("1 sample/s per chart", seconds, fx, views, () -> {
            if (warm == 0) {
                clock.scheduleAtFixedRate(() -> {
                    int s = tick[0]++;
                    Platform.runLater(() -> vms.forEach(vm -> vm.record(sample(t0.plusSeconds(s), s))));
                }, 0, 1, TimeUnit.SECONDS);
            }
        });
        clock.shutdownNow();
        System.out.printf("charts' cost: %.2f %% of one core (target < 5 %%)%n", fed - idle);
        Platform.exit();
        System.exit(0);
    }

    private static double phase(String name, int seconds, long fx, List<ReplicationChartsView> views, Runnable start) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int paints = paints(views);
        long drawing = drawingNanos(views);
        long cpu0 = os.getProcessCpuTime();
        long fx0 = threads.getThreadCpuTime(fx);
        Map<String, Long> before = taskTicks();
        long wall0 = System.nanoTime();
        start.run();
        TimeUnit.SECONDS.sleep(seconds);
        double wall = System.nanoTime() - wall0;
        double process = 100.0 * (os.getProcessCpuTime() - cpu0) / wall;
        double fxShare = 100.0 * (threads.getThreadCpuTime(fx) - fx0) / wall;
        int drawn = paints(views) - paints;
        double drawingMs = (drawingNanos(views) - drawing) / 1e6;
        System.out.printf("%-22s %8d %10.2f %% %10.2f %% %9d %10.2f %7.2f%n", name, seconds, process, fxShare,
                drawn, drawn == 0 ? 0 : drawingMs / drawn, os.getSystemLoadAverage());
        List<String> busiest = new ArrayList<>();
        taskTicks().forEach((task, ticks) -> {
            double share = 100.0 * (ticks - before.getOrDefault(task, 0L)) * 10_000_000L / wall; // 100 ticks a second
            if (share > 0.5) {
                busiest.add(String.format("%s %.1f %%", task.substring(task.indexOf(' ') + 1), share));
            }
        });
        System.out.println("    threads over 0.5 % of a core (/proc): " + String.join(", ", busiest));
        return process;
    }

    /** Each thread of this process (Linux: /proc/self/task) by "tid name", with its CPU time in clock ticks. */
    private static Map<String, Long> taskTicks() throws java.io.IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (java.nio.file.NoSuchFileException gone) {
                    // the thread ended while we read
                }
            }
        }
        return ticks;
    }

    private static long drawingNanos(List<ReplicationChartsView> views) throws Exception {
        CompletableFuture<Long> n = new CompletableFuture<>();
        Platform.runLater(() -> n.complete(views.stream().mapToLong(v -> v.chart().paintNanos()).sum()));
        return n.get(10, TimeUnit.SECONDS);
    }

    private static int paints(List<ReplicationChartsView> views) throws Exception {
        CompletableFuture<Integer> n = new CompletableFuture<>();
        Platform.runLater(() -> n.complete(views.stream().mapToInt(v -> v.chart().paints()).sum()));
        return n.get(10, TimeUnit.SECONDS);
    }

    /** Second {@code s}: kv-0 leads (kv-1 after a 2 s failover every 10 minutes), followers lag a few entries. */
    private static ReplicationSample sample(Instant at, int s) {
        int minute = (s / 60) % 10;
        String leader = minute == 9 && s % 60 < 2 ? null : s / 600 % 2 == 0 ? "kv-0" : "kv-1";
        long ssi = 10L * s;
        Map<String, Long> lpis = new LinkedHashMap<>();
        for (int r = 0; r < REPLICAS; r++) {
            lpis.put("kv-" + r, ssi - (s * 7L + r * 13L) % 40);
        }
        return new ReplicationSample(at, Optional.ofNullable(leader), ssi, lpis);
    }
}
