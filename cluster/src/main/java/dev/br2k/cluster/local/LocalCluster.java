package dev.br2k.cluster.local;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.ReplicaCountException;
import dev.br2k.cluster.ServiceState;
import dev.br2k.cluster.admin.AdminToken;
import dev.br2k.cluster.internal.Steps;
import dev.br2k.cluster.logs.FileLogStream;
import dev.br2k.cluster.status.ReplicaStatusClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A BR2K service on this machine: each replica is an etcd process and a service process on their own
 * loopback ports, with their own data directories and log files. Processes run in their own session
 * and outlive the JVM; {@code cluster.json} under the cluster's directory records them, so another
 * JVM can {@link #open} the cluster later and act on it.
 *
 * <p>This class holds the operations and the state file's lock; the work is done by parts named for it:
 * {@link ReplicaPlanner} (names and ports), {@link EtcdProcesses}, {@link ServiceProcesses},
 * {@link Convergence} (bring every replica up), {@link LocalMembership} (join and leave), {@link LocalRecovery},
 * {@link LocalStatusReader} (state), with {@link CurrentState} carrying the state from step to step.
 *
 * <pre>{@code
 * try (var cluster = LocalCluster.builder()
 *         .baseDir(Path.of("~/.br2k/sandbox")).service("kv")
 *         .launch(LaunchSpec.java("dev.br2k.replication.sample.KvService", classpath, List.of()))
 *         .build()) {
 *     cluster.deploy(3, System.out::println);
 *     cluster.state().replicas().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class LocalCluster implements Br2kCluster {

    public static final Path DEFAULT_ETCD = Path.of("/usr/bin/etcd");

    private final LocalSettings settings;
    private final String service;
    private final LocalLayout layout;
    private final StateFile stateFile;
    private final ReplicaPlanner planner;
    private final Convergence convergence;
    private final LocalMembership membership;
    private final LocalRecovery recovery;
    private final LocalStatusReader status;
    private final List<LogStream> streams = new CopyOnWriteArrayList<>();

    LocalCluster(LocalClusterBuilder b) {
        this.service = b.service;
        this.layout = new LocalLayout(b.baseDir.resolve(b.service).toAbsolutePath());
        this.stateFile = new StateFile(layout.root());
        this.settings = new LocalSettings(service, layout, stateFile, Optional.ofNullable(b.launch), b.etcdBinary,
                b.maxReplicas, b.startTimeout);
        ReplicaStatusClient statusClient = new ReplicaStatusClient(Duration.ofSeconds(1));
        EtcdProcesses etcd = new EtcdProcesses(settings);
        ServiceProcesses services = new ServiceProcesses(settings, statusClient);
        this.planner = new ReplicaPlanner(settings);
        this.convergence = new Convergence(settings, etcd, services);
        this.membership = new LocalMembership(settings, etcd, services);
        this.recovery = new LocalRecovery(settings, planner, convergence, membership);
        this.status = new LocalStatusReader(settings, etcd, statusClient);
    }

    public static LocalClusterBuilder builder() {
        return new LocalClusterBuilder();
    }

    /** Opens a cluster an earlier JVM deployed under {@code baseDir}; its launch spec comes from its state file. */
    public static LocalCluster open(Path baseDir, String service) {
        LocalCluster probe = builder().baseDir(baseDir).service(service).build();
        LocalState s = probe.stateFile.read().orElseThrow(() -> new ClusterException("No local cluster " + service
                + " under " + baseDir + ". Deploy it first."));
        return builder().baseDir(baseDir).service(service).launch(s.launch()).etcdBinary(s.etcdBinary())
                .maxReplicas(s.maxReplicas()).build();
    }

    /** True when a cluster of this name has a state file under {@code baseDir}. */
    public static boolean exists(Path baseDir, String service) {
        return Files.exists(new StateFile(baseDir.resolve(service)).path());
    }

    @Override
    public String service() {
        return service;
    }

    public LocalLayout layout() {
        return layout;
    }

    /**
     * The admin token of this service's replicas ({@code Authorization: Bearer <token>} for {@code GET /metrics} and
     * {@code POST /br2k/backup}), from {@link LocalLayout#adminTokenFile()}.
     *
     * @throws ClusterException if the service was never started here (no token file yet)
     */
    public String adminToken() {
        return AdminToken.read(layout.adminTokenFile());
    }

    @Override
    public OperationResult deploy(int replicas, ProgressListener listener) {
        Steps steps = new Steps(Operation.DEPLOY, listener);
        try (StateFile.Lock ignored = stateFile.lock()) {
            LocalState state = stateFile.read().orElse(null);
            int before = state == null ? 0 : state.inStage(ReplicaStage.ACTIVE).size();
            if (state == null || state.replicas().isEmpty()) {
                state = planner.plan(replicas, steps, Map.of());
            }
            if (state.paused()) {
                LocalState s = state.withPaused(false);
                steps.run("resume " + service, () -> {
                    stateFile.write(s);
                    return true;
                });
                state = s;
            }
            state = convergence.converge(state, steps);
            return OperationResult.of(Operation.DEPLOY, before, state.inStage(ReplicaStage.ACTIVE).size(), steps.changes());
        }
    }

    @Override
    public OperationResult add(int count, ProgressListener listener) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        Steps steps = new Steps(Operation.ADD, listener);
        try (StateFile.Lock ignored = stateFile.lock()) {
            LocalState state = requireRunning();
            int before = state.inStage(ReplicaStage.ACTIVE).size();
            int target = before + count;
            if (target > state.maxReplicas()) {
                throw new ReplicaCountException(service + " has " + before + " replicas and may have at most "
                        + state.maxReplicas() + "; adding " + count + " would exceed that.");
            }
            while (state.inStage(ReplicaStage.ACTIVE).size() < target) {
                List<LocalReplica> joining = state.inStage(ReplicaStage.JOINING);
                LocalReplica r;
                if (joining.isEmpty()) {
                    r = planner.newReplica(state.nextIndex(), ReplicaStage.JOINING, new HashSet<>());
                    LocalState s = state.put(r);
                    steps.run("plan replica " + r.name(), () -> {
                        stateFile.write(s);
                        return true;
                    });
                    state = s;
                } else {
                    r = joining.get(0);
                }
                state = membership.join(state, r, steps);
            }
            return OperationResult.of(Operation.ADD, before, target, steps.changes());
        }
    }

    @Override
    public OperationResult reduce(int count, ProgressListener listener) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        Steps steps = new Steps(Operation.REDUCE, listener);
        try (StateFile.Lock ignored = stateFile.lock()) {
            LocalState state = requireRunning();
            int before = state.inStage(ReplicaStage.ACTIVE).size() + state.inStage(ReplicaStage.LEAVING).size();
            int target = before - count;
            if (target < 1) {
                throw new ReplicaCountException(service + " has " + before + " replicas; it must keep at least 1.");
            }
            while (state.inStage(ReplicaStage.ACTIVE).size() + state.inStage(ReplicaStage.LEAVING).size() > target) {
                List<LocalReplica> leaving = state.inStage(ReplicaStage.LEAVING);
                LocalReplica r = leaving.isEmpty()
                        ? state.inStage(ReplicaStage.ACTIVE).stream().max(Comparator.comparingInt(LocalReplica::index)).orElseThrow()
                        : leaving.get(0);
                state = membership.leave(state, r, steps);
            }
            return OperationResult.of(Operation.REDUCE, before, target, steps.changes());
        }
    }

    @Override
    public OperationResult pause(ProgressListener listener) {
        Steps steps = new Steps(Operation.PAUSE, listener);
        try (StateFile.Lock ignored = stateFile.lock()) {
            LocalState state = stateFile.read().orElseThrow(this::notDeployed);
            int n = state.inStage(ReplicaStage.ACTIVE).size();
            for (LocalReplica r : state.replicas()) {
                steps.run("stop service " + r.name(), () -> Processes.stop(r.service(), 10_000));
            }
            for (LocalReplica r : state.replicas()) {
                steps.run("stop etcd " + r.name(), () -> Processes.stop(r.etcd(), 10_000));
            }
            if (!state.paused()) {
                LocalState s = state.withPaused(true);
                steps.run("mark " + service + " paused", () -> {
                    stateFile.write(s);
                    return true;
                });
            }
            return OperationResult.of(Operation.PAUSE, n, n, steps.changes());
        }
    }

    @Override
    public OperationResult recover(RecoverySource source, ProgressListener listener) {
        Steps steps = new Steps(Operation.RECOVERY, listener);
        try (StateFile.Lock ignored = stateFile.lock()) {
            return recovery.recover(source, steps);
        }
    }

    @Override
    public ServiceState state() {
        return status.state();
    }

    @Override
    public LogStream logs(String replica, LogOptions options, LogListener listener) {
        LocalState state = stateFile.read().orElseThrow(this::notDeployed);
        if (state.replica(replica).isEmpty()) {
            throw new ClusterException(service + " has no replica " + replica + "; it has "
                    + state.replicas().stream().map(LocalReplica::name).toList() + ".");
        }
        Path log = layout.log(replica, options.container());
        FileLogStream stream = new FileLogStream(replica, log, Processes.previousLog(log), options, listener);
        streams.add(stream);
        stream.start();
        return stream;
    }

    /** Kills a replica's etcd and service processes with SIGKILL, as a crash would. */
    public void kill(String replica) {
        LocalReplica r = stateFile.read().flatMap(s -> s.replica(replica))
                .orElseThrow(() -> new ClusterException(service + " has no replica " + replica + "."));
        Processes.kill(r.service());
        Processes.kill(r.etcd());
    }

    /** Stops every process and deletes the cluster's directory, data and logs included ({@code sandbox down}). */
    public void destroy(ProgressListener listener) {
        Steps steps = new Steps(Operation.PAUSE, listener);
        Optional<LocalState> state = stateFile.read();
        state.ifPresent(s -> s.replicas().forEach(r -> {
            steps.run("stop service " + r.name(), () -> Processes.stop(r.service(), 5_000));
            steps.run("stop etcd " + r.name(), () -> Processes.stop(r.etcd(), 5_000));
        }));
        steps.run("delete " + layout.root(), () -> LocalDirectories.deleteTree(layout.root()));
    }

    @Override
    public void close() {
        streams.forEach(LogStream::close);
        streams.clear();
    }

    private LocalState requireRunning() {
        LocalState state = stateFile.read().orElseThrow(this::notDeployed);
        if (state.paused()) {
            throw new ClusterException(service + " is paused. Run deploy to resume it first.");
        }
        return state;
    }

    private ClusterException notDeployed() {
        return new ClusterException("No local cluster " + service + " in " + layout.root() + ". Deploy it first.");
    }
}
