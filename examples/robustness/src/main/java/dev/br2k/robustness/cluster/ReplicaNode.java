package dev.br2k.robustness.cluster;

import dev.br2k.protocol.status.ReplicaStatusRecord;
import dev.br2k.protocol.status.StatusCodec;
import dev.br2k.robustness.ExperimentException;
import dev.br2k.robustness.network.Network;
import dev.br2k.robustness.network.Shell;
import dev.br2k.robustness.registry.RegistryInfoDidService;
import dev.br2k.testkit.Tools;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One replica: its etcd member and its service process, both inside the replica's network namespace,
 * with their data and logs under {@code <workDir>/r<i>/}. The fault methods act on the real processes.
 */
public final class ReplicaNode {
    static final int ETCD_CLIENT_PORT = 2379;
    static final int ETCD_PEER_PORT = 2380;
    static final int HTTP_PORT = 8080;

    private final int index;
    private final Network network;
    private final ClusterSettings settings;
    private final Path dir;
    private final Path sharedDir;
    private final String initialCluster;
    private final List<String> etcdEndpoints;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
    private Process etcd;
    private Process service;

    ReplicaNode(int index, Network network, ClusterSettings settings, Path sharedDir, String initialCluster) {
        this.index = index;
        this.network = network;
        this.settings = settings;
        this.sharedDir = sharedDir;
        this.dir = sharedDir.resolve(id());
        this.initialCluster = initialCluster;
        List<String> endpoints = new ArrayList<>();
        endpoints.add(etcdEndpoint(network, index));
        for (int j = 1; j <= settings.replicas(); j++) {
            if (j != index) {
                endpoints.add(etcdEndpoint(network, j));
            }
        }
        this.etcdEndpoints = List.copyOf(endpoints);
    }

    static String etcdEndpoint(Network network, int i) {
        return "http://" + network.address(i) + ":" + ETCD_CLIENT_PORT;
    }

    static String peerUrl(Network network, int i) {
        return "http://" + network.address(i) + ":" + ETCD_PEER_PORT;
    }

    public String id() {
        return "r" + index;
    }

    public int index() {
        return index;
    }

    /** The service's URL on the bridge. */
    public URI url() {
        return URI.create("http://" + network.address(index) + ":" + HTTP_PORT);
    }

    /** This replica's etcd member's client URL. */
    public String etcdEndpoint() {
        return etcdEndpoints.get(0);
    }

    /** The service's state directory (SQLite database inside). */
    public Path stateDir() {
        return dir.resolve("state");
    }

    public Path logDir() {
        return dir;
    }

    /** Starts (or restarts, on its own data) this replica's etcd member. */
    public synchronized void startEtcd() {
        List<String> cmd = new ArrayList<>(network.exec(index));
        cmd.addAll(List.of(Tools.etcd().toString(),
                "--name", id(),
                "--data-dir", dir.resolve("etcd").toString(),
                "--listen-client-urls", etcdEndpoint(),
                "--advertise-client-urls", etcdEndpoint(),
                "--listen-peer-urls", peerUrl(network, index),
                "--initial-advertise-peer-urls", peerUrl(network, index),
                "--initial-cluster", initialCluster,
                "--initial-cluster-state", "new",
                "--initial-cluster-token", network.prefix(),
                "--heartbeat-interval", String.valueOf(settings.heartbeatMillis()),
                "--election-timeout", String.valueOf(settings.electionMillis()),
                "--pre-vote=true",
                "--logger", "zap", "--log-level", "warn"));
        etcd = start(cmd, Map.of(), "etcd.log");
    }

    /** Starts (or restarts) the service process. */
    public synchronized void startService() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(network.exec(index));
        cmd.addAll(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", settings.classPath(), settings.serviceMainClass()));
        Map<String, String> env = Map.ofEntries(
                Map.entry("BR2K_SERVICE", "robustness"),
                Map.entry("BR2K_REPLICA_ID", id()),
                Map.entry("BR2K_ETCD_ENDPOINTS", String.join(",", etcdEndpoints)),
                Map.entry("BR2K_HTTP_HOST", network.address(index)),
                Map.entry("BR2K_HTTP_PORT", String.valueOf(HTTP_PORT)),
                Map.entry("BR2K_ADVERTISE_URL", url().toString()),
                Map.entry("BR2K_STATE_DIR", stateDir().toString()),
                Map.entry("BR2K_BACKUP_DIR", sharedDir.resolve("backups").toString()),
                Map.entry("BR2K_LOCATION_FILE", locationFile(sharedDir).toString()),
                Map.entry("BR2K_BACKUP_LOG_FILE", sharedDir.resolve("backup-log.jsonl").toString()),
                Map.entry("BR2K_ROLE_CHECK_MILLIS", String.valueOf(settings.roleCheckMillis())),
                Map.entry(RegistryInfoDidService.FAIL_WRITES_FILE, failWritesFile().toString()));
        Map<String, String> all = new java.util.HashMap<>(settings.serviceEnv());
        all.putAll(env);
        service = start(cmd, all, "service.log");
    }

    /** Where the leader publishes its location (the runtime's file publisher). */
    public static Path locationFile(Path sharedDir) {
        return sharedDir.resolve("location.json");
    }

    private Process start(List<String> cmd, Map<String, String> env, String logName) {
        try {
            Files.createDirectories(dir);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(logName).toFile()));
            pb.environment().putAll(env);
            return pb.start();
        } catch (IOException e) {
            throw new ExperimentException("cannot start " + cmd.get(4) + " for replica " + id() + ": " + e.getMessage(), e);
        }
    }

    /** kill -9 of the service process; waits until it is gone. */
    public synchronized void killService() {
        kill(service);
    }

    /** kill -9 of the etcd member; waits until it is gone. */
    public synchronized void killEtcd() {
        kill(etcd);
    }

    private static void kill(Process p) {
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path failWritesFile() {
        return dir.resolve("fail-writes");
    }

    /**
     * Makes the service's replicated handlers throw until {@link #stopFailingWrites()} (InfoDID's test-only
     * hook, through {@link RegistryInfoDidService#FAIL_WRITES_FILE}).
     */
    public void failWrites() {
        try {
            Files.createDirectories(dir);
            Files.writeString(failWritesFile(), "handlers fail while this file exists (robustness experiment)\n");
        } catch (IOException e) {
            throw new ExperimentException("cannot create " + failWritesFile() + ": " + e.getMessage(), e);
        }
    }

    public void stopFailingWrites() {
        try {
            Files.deleteIfExists(failWritesFile());
        } catch (IOException e) {
            throw new ExperimentException("cannot delete " + failWritesFile() + ": " + e.getMessage(), e);
        }
    }

    /** SIGSTOP of both processes. */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** SIGCONT of both processes. */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        for (Process p : List.of(etcd, service)) {
            if (p != null && p.isAlive()) {
                Shell.run("kill", signal, String.valueOf(p.pid()));
            }
        }
    }

    public synchronized boolean serviceAlive() {
        return service != null && service.isAlive();
    }

    public synchronized boolean etcdAlive() {
        return etcd != null && etcd.isAlive();
    }

    /** SIGTERM to the service, then SIGKILL after 10 s. */
    public void stopService() {
        Process p;
        synchronized (this) {
            p = service;
        }
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                kill(p);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops both processes (the network's clean-up kills anything left). */
    public void stop() {
        stopService();
        killEtcd();
    }

    /**
     * Asks the service for its status; empty when it does not answer within {@code timeout}.
     *
     * @throws dev.br2k.protocol.ProtocolException if it answers with a body that is not a status of this BR2K version
     */
    public Optional<ReplicaStatusRecord> status(Duration timeout) {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(url().resolve("/br2k/status"))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(StatusCodec.decode(res.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The last {@code lines} lines of the service's and etcd's logs, for a failure message. */
    public String tailLogs(int lines) {
        StringBuilder sb = new StringBuilder();
        for (String name : List.of("service.log", "etcd.log")) {
            Path f = dir.resolve(name);
            try {
                List<String> all = Files.exists(f) ? Files.readAllLines(f) : List.of();
                sb.append("--- ").append(id()).append(' ').append(name).append('\n');
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                sb.append("(cannot read ").append(f).append(")\n");
            }
        }
        return sb.toString();
    }
}
