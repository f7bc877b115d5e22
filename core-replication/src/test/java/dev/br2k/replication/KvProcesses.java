package dev.br2k.replication;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.br2k.replication.sample.KvService;
import dev.br2k.testkit.EtcdCluster;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * N replicas of {@link KvService} as real processes, configured only through the BR2K_* environment
 * variables, the way the cluster module starts them.
 */
final class KvProcesses implements AutoCloseable {
    private final EtcdCluster etcd;
    private final Path dir;
    private final String service;
    private final int[] ports;
    private final List<Optional<Process>> processes = new ArrayList<>();
    /** The tests' JVM options: quick to start and small on 2 cores. */
    private List<String> jvmOptions = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    KvProcesses(EtcdCluster etcd, Path dir, String service, int n) {
        this.etcd = etcd;
        this.dir = dir;
        this.service = service;
        this.ports = new int[n];
        for (int i = 0; i < n; i++) {
            ports[i] = freePort();
            processes.add(Optional.empty());
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the processes with these JVM options instead of the tests' own (a benchmark runs them as deployed). */
    KvProcesses jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    EtcdCluster etcd() {
        return etcd;
    }

    Map<String, String> environment(int i) {
        List<URI> urls = new ArrayList<>(etcd.members().stream().map(m -> m.clientUrl()).toList()); // running or not
        urls.add(0, urls.remove(i));
        Map<String, String> env = new HashMap<>();
        env.put("BR2K_SERVICE", service);
        env.put("BR2K_REPLICA_ID", "r" + (i + 1));
        env.put("BR2K_ETCD_ENDPOINTS", String.join(",", urls.stream().map(URI::toString).toList()));
        env.put("BR2K_HTTP_HOST", "127.0.0.1");
        env.put("BR2K_HTTP_PORT", String.valueOf(ports[i]));
        env.put("BR2K_ADVERTISE_URL", "http://127.0.0.1:" + ports[i]);
        env.put("BR2K_STATE_DIR", stateDir(i).toString());
        env.put("BR2K_BACKUP_DIR", dir.resolve("backups").toString());
        env.put("BR2K_LOCATION_FILE", dir.resolve("location.json").toString());
        env.put("BR2K_BACKUP_LOG_FILE", dir.resolve("backup-log.jsonl").toString());
        env.put("BR2K_ROLE_CHECK_MILLIS", "100");
        return env;
    }

    Path stateDir(int i) {
        return dir.resolve("r" + (i + 1));
    }

    /** Process output is kept under target/process-logs for a look after a failed run. */
    Path logFile(int i) {
        Path logs = Path.of("target", "process-logs", service);
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return logs.resolve("r" + (i + 1) + ".log");
    }

    void start(int i, Map<String, String> extraEnv) {
        launch(i, extraEnv, List.of(KvService.class.getName()));
    }

    /** Starts replica i through the test-only {@link CrashingKvService}, halting at {@code crashes} (its argument). */
    void startCrashing(int i, String crashes) {
        launch(i, Map.of(), List.of(CrashingKvService.class.getName(), crashes));
    }

    private void launch(int i, Map<String, String> extraEnv, List<String> mainAndArgs) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath()));
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment(i));
        pb.environment().putAll(extraEnv);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(i).toFile()));
        try {
            Process p = pb.start();
            processes.set(i, Optional.of(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This JVM's class path: under Surefire and Failsafe the system property, under {@code exec:java} (the benchmark)
     * the URLs of the class loader Maven runs it in.
     */
    private static String classPath() {
        if (KvProcesses.class.getClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> paths = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    paths.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException("a class path entry that is not a file: " + url, e);
                }
            }
            return String.join(File.pathSeparator, paths);
        }
        return System.getProperty("java.class.path");
    }

    void startAll(Map<String, String> extraEnv) {
        deleteLogs();
        for (int i = 0; i < ports.length; i++) {
            start(i, extraEnv);
        }
    }

    void startAllCrashing(String crashes) {
        deleteLogs();
        for (int i = 0; i < ports.length; i++) {
            startCrashing(i, crashes);
        }
    }

    private void deleteLogs() {
        try {
            for (int i = 0; i < ports.length; i++) {
                Files.deleteIfExists(logFile(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<Process> process(int i) {
        return processes.get(i);
    }

    /** SIGKILL. */
    void kill(int i) {
        processes.get(i).ifPresent(p -> {
            p.destroyForcibly();
            waitFor(p);
        });
        processes.set(i, Optional.empty());
    }

    /** SIGTERM: the service closes cleanly. */
    void stop(int i) {
        processes.get(i).ifPresent(p -> {
            p.destroy();
            if (!waitFor(p)) {
                p.destroyForcibly();
                waitFor(p);
            }
        });
        processes.set(i, Optional.empty());
    }

    /** SIGSTOP: the process is frozen (a stuck JVM or machine); its etcd member and its leased keys live on. */
    void pause(int i) {
        signal(i, "-STOP");
    }

    /** SIGCONT after {@link #pause}. */
    void resume(int i) {
        signal(i, "-CONT");
    }

    private void signal(int i, String signal) {
        long pid = processes.get(i).orElseThrow(() -> new IllegalStateException("r" + (i + 1) + " is not running")).pid();
        try {
            int exit = new ProcessBuilder("kill", signal, String.valueOf(pid)).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " exited " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void forget(int i) {
        processes.set(i, Optional.empty());
    }

    private static boolean waitFor(Process p) {
        try {
            return p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<Integer> running() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < ports.length; i++) {
            if (processes.get(i).filter(Process::isAlive).isPresent()) {
                out.add(i);
            }
        }
        return out;
    }

    URI url(int i, String path) {
        return URI.create("http://127.0.0.1:" + ports[i] + path);
    }

    Optional<JsonNode> status(int i) {
        try {
            return Optional.of(KvReplicas.JSON.readTree(Http.get(url(i, "/br2k/status")).body()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    int awaitLeader() {
        int[] leader = {-1};
        await("a leader among the " + service + " processes").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    List<Integer> leaders = running().stream()
                            .filter(i -> status(i).map(s -> s.get("role").asText().equals("LEADER")).orElse(false)).toList();
                    if (leaders.size() == 1) {
                        leader[0] = leaders.get(0);
                        return true;
                    }
                    return false;
                });
        return leader[0];
    }

    /** Waits until every running process has applied the whole log as leader or follower. */
    void awaitCaughtUp() {
        await("the " + service + " processes catch up").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    int leader = awaitLeader();
                    long ssi = status(leader).map(s -> s.get("ssi").asLong()).orElse(-1L);
                    return running().size() == ports.length && running().stream().allMatch(i -> status(i)
                            .map(s -> s.get("lpi").asLong() == ssi && List.of("LEADER", "FOLLOWER").contains(s.get("role").asText()))
                            .orElse(false));
                });
    }

    String log(int i) {
        try {
            return Files.exists(logFile(i)) ? Files.readString(logFile(i)) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every process and returns each replica's data as read from its kv.db. */
    List<Map<String, String>> stopAndReadDatabases() throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < ports.length; i++) {
            stop(i);
            out.add(KvService.readDatabase(stateDir(i).resolve("kv.db")));
        }
        return out;
    }

    /** Sends a request to the current leader as a well-behaved client does ({@link Http#sendToLeader}). */
    java.net.http.HttpResponse<String> send(String method, String path, String body, String... headers) {
        return Http.sendToLeader(p -> url(awaitLeader(), p), method, path, body, headers);
    }

    @Override
    public void close() {
        for (int i = 0; i < ports.length; i++) {
            kill(i);
        }
    }

}
