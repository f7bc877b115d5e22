package dev.br2k.cluster.local;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoveryPlan;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.ReplicaCountException;
import dev.br2k.cluster.ReplicaPhase;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.ReplicationKeys;
import dev.br2k.cluster.ServiceState;
import dev.br2k.cluster.admin.AdminToken;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.cluster.internal.StepOutcome;
import dev.br2k.cluster.internal.Steps;
import dev.br2k.cluster.internal.Wait;
import dev.br2k.cluster.logs.FileLogStream;
import dev.br2k.cluster.status.ReplicaStatusClient;
import dev.br2k.cluster.status.ReplicationKeysReader;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A BR2K service on this machine: each replica is an etcd process and a service process on their own
 * loopback ports, with their own data directories and log files. Processes run in their own session
 * and outlive the JVM; {@code cluster.json} under the cluster's directory records them, so another
 * JVM can {@link #open} the cluster later and act on it.
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

    private final String service;
    private final LocalLayout layout;
    private final StateFile stateFile;
    private final Optional<LaunchSpec> launch;
    private final Path etcdBinary;
    private final int maxReplicas;
    private final Duration startTimeout;
    private final ReplicaStatusClient statusClient = new ReplicaStatusClient(Duration.ofSeconds(1));
    private final List<LogStream> streams = new CopyOnWriteArrayList<>();

    private LocalCluster(Builder b) {
        this.service = b.service;
        this.layout = new LocalLayout(b.baseDir.resolve(b.service).toAbsolutePath());
        this.stateFile = new StateFile(layout.root());
        this.launch = Optional.ofNullable(b.launch);
        this.etcdBinary = b.etcdBinary;
        this.maxReplicas = b.maxReplicas;
        this.startTimeout = b.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
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

    // ---------------------------------------------------------------- deploy

    @Override
    public OperationResult deploy(int replicas, ProgressListener listener) {
        Steps steps = new Steps(Operation.DEPLOY, listener);
        try (StateFile.Lock ignored = stateFile.lock()) {
            LocalState state = stateFile.read().orElse(null);
            int before = state == null ? 0 : state.inStage(ReplicaStage.ACTIVE).size();
            if (state == null || state.replicas().isEmpty()) {
                state = plan(replicas, steps, Map.of());
            }
            if (state.paused()) {
                LocalState s = state.withPaused(false);
                steps.run("resume " + service, () -> {
                    stateFile.write(s);
                    return true;
                });
                state = s;
            }
            state = converge(state, steps);
            return OperationResult.of(Operation.DEPLOY, before, state.inStage(ReplicaStage.ACTIVE).size(), steps.changes());
        }
    }

    /** Plans a new cluster of {@code replicas} founding members and persists it before anything starts. */
    private LocalState plan(int replicas, Steps steps, Map<String, String> extraEnv) {
        if (replicas < 1 || replicas > maxReplicas) {
            throw new ReplicaCountException("A service needs between 1 and " + maxReplicas + " replicas; "
                    + replicas + " were asked.");
        }
        LaunchSpec spec = launch.orElseThrow(() -> new ClusterException("No launch spec for " + service
                + ": build the LocalCluster with launch(...) to deploy it."));
        Set<Integer> taken = new HashSet<>();
        List<LocalReplica> list = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            list.add(newReplica(i, ReplicaStage.ACTIVE, taken));
        }
        LocalState s = new LocalState(service, spec.withEnv(extraEnv), etcdBinary, maxReplicas, false, list);
        steps.run("plan " + replicas + " replicas in " + layout.root(), () -> {
            Files.createDirectories(layout.backups());
            stateFile.write(s);
            return true;
        });
        return s;
    }

    private LocalReplica newReplica(int index, ReplicaStage stage, Set<Integer> taken) {
        stateFile.read().ifPresent(s -> s.replicas().forEach(r ->
                taken.addAll(List.of(r.etcdClientPort(), r.etcdPeerPort(), r.httpPort()))));
        return new LocalReplica(service + "-" + index, index, stage, Ports.free(taken), Ports.free(taken),
                Ports.free(taken), Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /**
     * Brings every active replica's etcd and service up: restarts what stopped, re-joins a member whose
     * data is gone, and waits until etcd has all members and every service answers.
     */
    private LocalState converge(LocalState state, Steps steps) {
        List<LocalReplica> active = new ArrayList<>(state.inStage(ReplicaStage.ACTIVE));
        // The founding members have formed a cluster once any of them has a recorded member id.
        boolean bootstrap = active.stream().allMatch(r -> r.memberId().isEmpty());
        // Members that can restart from their data first: a member whose data is gone needs their quorum to re-join.
        active.sort(Comparator.comparing((LocalReplica r) -> !layout.hasEtcdData(r.name())));
        for (LocalReplica r : active) {
            state = ensureEtcd(state, state.replica(r.name()).orElseThrow(), bootstrap, steps);
        }
        LocalState s0 = state;
        steps.await("wait for etcd members of " + service, () -> {
            awaitMembers(s0);
            return true;
        });
        state = recordMemberIds(state);
        for (LocalReplica r : state.inStage(ReplicaStage.ACTIVE)) {
            state = ensureService(state, r, steps);
        }
        for (LocalReplica r : state.inStage(ReplicaStage.ACTIVE)) {
            steps.await("wait for " + r.name() + " to answer", () -> {
                awaitAnswer(r);
                return true;
            });
        }
        return state;
    }

    private LocalState ensureEtcd(LocalState state, LocalReplica r, boolean bootstrap, Steps steps) {
        if (r.etcd().map(ProcessRecord::alive).orElse(false)) {
            steps.run("start etcd " + r.name(), () -> false);
            return state;
        }
        LocalState[] out = {state};
        if (bootstrap || layout.hasEtcdData(r.name())) {
            String initial = String.join(",", state.inStage(ReplicaStage.ACTIVE).stream()
                    .map(a -> a.name() + "=" + a.peerUrl()).toList());
            steps.step("start etcd " + r.name(), () -> {
                out[0] = startEtcd(state, r, initial, "new");
                return StepOutcome.changed(etcdDetail(out[0], r.name()));
            });
            return out[0];
        }
        // Its data is gone while the others have theirs: it must join again as a new member.
        steps.run("etcd member re-add " + r.name() + " (its data is gone)", () -> {
            EtcdGateway etcd = gateway(state, r.name());
            etcd.members().stream().filter(m -> m.peerUrls().contains(r.peerUrl()) && m.started())
                    .forEach(m -> etcd.removeMember(m.id()));
            MemberInfo added = etcd.addMember(r.peerUrl());
            out[0] = state.put(r.withMemberId(Optional.of(added.id())));
            stateFile.write(out[0]);
            return true;
        });
        LocalState s1 = out[0];
        LocalReplica r1 = s1.replica(r.name()).orElseThrow();
        steps.step("start etcd " + r.name() + " joining the cluster", () -> {
            out[0] = startEtcd(s1, r1, initialClusterFor(s1, r1), "existing");
            return StepOutcome.changed(etcdDetail(out[0], r.name()));
        });
        return out[0];
    }

    private static String etcdDetail(LocalState state, String replica) {
        LocalReplica r = state.replica(replica).orElseThrow();
        return "pid " + r.etcd().map(ProcessRecord::pid).orElse(-1L) + ", client port " + r.etcdClientPort();
    }

    private String initialClusterFor(LocalState state, LocalReplica joining) {
        List<MemberInfo> members = gateway(state, joining.name()).members();
        List<String> parts = new ArrayList<>();
        for (MemberInfo m : members) {
            String url = m.peerUrls().get(0);
            String name = m.started() ? m.name() : state.replicas().stream().filter(x -> x.peerUrl().equals(url))
                    .map(LocalReplica::name).findFirst().orElse("unknown-" + m.id());
            parts.add(name + "=" + url);
        }
        return String.join(",", parts);
    }

    private LocalState startEtcd(LocalState state, LocalReplica r, String initialCluster, String clusterState) {
        List<String> cmd = List.of(state.etcdBinary().toString(),
                "--name", r.name(),
                "--data-dir", layout.etcdData(r.name()).toString(),
                "--listen-client-urls", r.clientUrl(),
                "--advertise-client-urls", r.clientUrl(),
                "--listen-peer-urls", r.peerUrl(),
                "--initial-advertise-peer-urls", r.peerUrl(),
                "--initial-cluster", initialCluster,
                "--initial-cluster-state", clusterState,
                "--initial-cluster-token", "br2k-local-" + service,
                "--heartbeat-interval", "100",
                "--election-timeout", "1000");
        ProcessRecord p = Processes.start(cmd, Map.of(), layout.replicaDir(r.name()), layout.log(r.name(), LogOptions.ETCD));
        LocalReplica updated = r.withEtcd(Optional.of(p));
        LocalState s = state.put(updated);
        stateFile.write(s);
        return s;
    }

    private LocalState ensureService(LocalState state, LocalReplica r, Steps steps) {
        if (r.service().map(ProcessRecord::alive).orElse(false)) {
            steps.run("start service " + r.name(), () -> false);
            return state;
        }
        LocalState[] out = {state};
        steps.step("start service " + r.name(), () -> {
            out[0] = startService(state, r);
            LocalReplica started = out[0].replica(r.name()).orElseThrow();
            return StepOutcome.changed("pid " + started.service().map(ProcessRecord::pid).orElse(-1L) + ", http port "
                    + started.httpPort() + ", log " + layout.log(r.name(), LogOptions.SERVICE));
        });
        return out[0];
    }

    private LocalState startService(LocalState state, LocalReplica r) throws IOException {
        Files.createDirectories(layout.stateDir(r.name()));
        Files.createDirectories(layout.backups());
        List<String> endpoints = new ArrayList<>();
        endpoints.add(r.clientUrl());
        state.inStage(ReplicaStage.ACTIVE).stream().filter(o -> !o.name().equals(r.name()))
                .forEach(o -> endpoints.add(o.clientUrl()));
        Map<String, String> env = new java.util.HashMap<>(state.launch().env());
        env.put("BR2K_SERVICE", service);
        env.put("BR2K_REPLICA_ID", r.name());
        env.put("BR2K_ETCD_ENDPOINTS", String.join(",", endpoints));
        env.put("BR2K_HTTP_HOST", "127.0.0.1");
        env.put("BR2K_HTTP_PORT", Integer.toString(r.httpPort()));
        env.put("BR2K_ADVERTISE_URL", r.httpUrl());
        env.put("BR2K_STATE_DIR", layout.stateDir(r.name()).toString());
        env.put("BR2K_BACKUP_DIR", layout.backups().toString());
        env.put("BR2K_LOCATION_FILE", layout.locationFile().toString());
        env.put("BR2K_BACKUP_LOG_FILE", layout.backupLog().toString());
        env.put(AdminToken.FILE_VARIABLE, AdminToken.ensureFile(layout.adminTokenFile()).toString());
        // A service that reads it logs to this file itself, rolled at a size cap; its console output is appended to the same file.
        env.put("BR2K_LOG_FILE", layout.log(r.name(), LogOptions.SERVICE).toString());
        ProcessRecord p = Processes.start(state.launch().command(), env, layout.replicaDir(r.name()),
                layout.log(r.name(), LogOptions.SERVICE));
        LocalState s = state.put(state.replica(r.name()).orElse(r).withService(Optional.of(p)));
        stateFile.write(s);
        return s;
    }

    private void awaitMembers(LocalState state) {
        List<LocalReplica> active = state.inStage(ReplicaStage.ACTIVE);
        EtcdGateway etcd = gateway(state, null);
        Wait.until("etcd members " + active.stream().map(LocalReplica::name).toList() + " to start", startTimeout, () -> {
            List<MemberInfo> members = etcd.members();
            return active.stream().allMatch(r -> members.stream()
                    .anyMatch(m -> m.started() && m.name().equals(r.name()) && m.peerUrls().contains(r.peerUrl())));
        });
    }

    private void awaitAnswer(LocalReplica r) {
        Wait.until(r.name() + " to answer on " + r.httpUrl() + "/br2k/status (see " + layout.log(r.name(), LogOptions.SERVICE) + ")",
                startTimeout, () -> {
                    if (!stateFile.read().flatMap(s -> s.replica(r.name())).flatMap(LocalReplica::service)
                            .map(ProcessRecord::alive).orElse(false)) {
                        throw new ClusterException(r.name() + "'s service process exited; see "
                                + layout.log(r.name(), LogOptions.SERVICE));
                    }
                    return statusClient.read(URI.create(r.httpUrl())).isPresent();
                });
    }

    private LocalState recordMemberIds(LocalState state) {
        List<MemberInfo> members = gateway(state, null).members();
        LocalState s = state;
        for (LocalReplica r : state.replicas()) {
            Optional<String> id = members.stream().filter(m -> m.peerUrls().contains(r.peerUrl())).map(MemberInfo::id).findFirst();
            if (id.isPresent() && !id.equals(r.memberId())) {
                s = s.put(r.withMemberId(id));
            }
        }
        if (s != state) {
            stateFile.write(s);
        }
        return s;
    }

    /** A gateway to the active replicas' etcd members, {@code first} (if given) tried first. */
    private EtcdGateway gateway(LocalState state, String exclude) {
        List<URI> urls = state.replicas().stream()
                .filter(r -> r.stage() != ReplicaStage.JOINING || r.etcd().map(ProcessRecord::alive).orElse(false))
                .filter(r -> !r.name().equals(exclude))
                .sorted(Comparator.comparing((LocalReplica r) -> !r.etcd().map(ProcessRecord::alive).orElse(false)))
                .map(r -> URI.create(r.clientUrl())).toList();
        if (urls.isEmpty()) {
            throw new ClusterException("No etcd member of " + service + " is left to ask. Run recovery.");
        }
        return EtcdGateway.of(urls);
    }

    // ---------------------------------------------------------------- add / reduce

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
                    r = newReplica(state.nextIndex(), ReplicaStage.JOINING, new HashSet<>());
                    LocalState s = state.put(r);
                    steps.run("plan replica " + r.name(), () -> {
                        stateFile.write(s);
                        return true;
                    });
                    state = s;
                } else {
                    r = joining.get(0);
                }
                state = join(state, r, steps);
            }
            return OperationResult.of(Operation.ADD, before, target, steps.changes());
        }
    }

    private LocalState join(LocalState state, LocalReplica r, Steps steps) {
        LocalState[] out = {state};
        steps.run("etcd member add " + r.name(), () -> {
            EtcdGateway etcd = gateway(out[0], r.name());
            boolean existed = etcd.members().stream().anyMatch(m -> m.peerUrls().contains(r.peerUrl()));
            MemberInfo m = etcd.addMember(r.peerUrl());
            out[0] = out[0].put(r.withMemberId(Optional.of(m.id())));
            stateFile.write(out[0]);
            return !existed;
        });
        LocalReplica r1 = out[0].replica(r.name()).orElseThrow();
        if (!r1.etcd().map(ProcessRecord::alive).orElse(false)) {
            steps.step("start etcd " + r.name() + " joining the cluster", () -> {
                out[0] = startEtcd(out[0], r1, initialClusterFor(out[0], r1), "existing");
                return StepOutcome.changed(etcdDetail(out[0], r.name()));
            });
        }
        LocalState s2 = out[0];
        steps.await("wait for etcd member " + r.name() + " to join", () -> {
            EtcdGateway etcd = gateway(s2, null);
            Wait.until("etcd member " + r.name() + " to join", startTimeout,
                    () -> etcd.members().stream().anyMatch(m -> m.started() && m.name().equals(r.name())));
            return true;
        });
        out[0] = ensureService(out[0], out[0].replica(r.name()).orElseThrow(), steps);
        LocalReplica r3 = out[0].replica(r.name()).orElseThrow();
        steps.await("wait for " + r.name() + " to answer", () -> {
            awaitAnswer(r3);
            return true;
        });
        LocalState done = out[0].put(r3.withStage(ReplicaStage.ACTIVE));
        steps.run("mark " + r.name() + " active", () -> {
            stateFile.write(done);
            return true;
        });
        return done;
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
                state = leave(state, r, steps);
            }
            return OperationResult.of(Operation.REDUCE, before, target, steps.changes());
        }
    }

    private LocalState leave(LocalState state, LocalReplica r, Steps steps) {
        LocalState marked = state.put(r.withStage(ReplicaStage.LEAVING));
        if (r.stage() != ReplicaStage.LEAVING) {
            steps.run("mark " + r.name() + " leaving", () -> {
                stateFile.write(marked);
                return true;
            });
        }
        steps.run("etcd member remove " + r.name(), () -> {
            EtcdGateway etcd = gateway(marked, r.name());
            Optional<MemberInfo> m = etcd.members().stream().filter(x -> x.peerUrls().contains(r.peerUrl())).findFirst();
            return m.isPresent() && etcd.removeMember(m.get().id());
        });
        steps.run("stop service " + r.name(), () -> Processes.stop(r.service(), 10_000));
        steps.run("stop etcd " + r.name(), () -> Processes.stop(r.etcd(), 10_000));
        steps.run("delete data of " + r.name(), () -> LocalDirectories.deleteTree(layout.replicaDir(r.name())));
        LocalState done = marked.remove(r.name());
        stateFile.write(done);
        return done;
    }

    // ---------------------------------------------------------------- pause / recovery

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
            Optional<LocalState> existing = stateFile.read();
            if (existing.isPresent() && existing.get().paused()) {
                throw new ClusterException(service + " is paused, not failed. Run deploy to resume it.");
            }
            boolean gone = existing.isEmpty() || existing.get().replicas().stream().noneMatch(r ->
                    layout.hasEtcdData(r.name()) || r.etcd().map(ProcessRecord::alive).orElse(false));
            LocalState state;
            int before;
            if (gone) {
                before = 0;
                RecoveryPlan plan = source.plan(service).orElseThrow(() -> new ClusterException("Nothing of " + service
                        + " is left and the registry gave no recovery information. Deploy it again instead."));
                existing.ifPresent(s -> s.replicas().forEach(r -> {
                    Processes.kill(r.service());
                    LocalDirectories.deleteTree(layout.replicaDir(r.name()));
                }));
                steps.run("forget the lost cluster", () -> {
                    stateFile.delete();
                    return existing.isPresent();
                });
                // Nothing is set that no one reads: the runtime cannot restore a backup into a new service yet.
                plan.newestBackup().ifPresent(b -> steps.run("leave backup " + b + " in the store: the runtime cannot"
                        + " restore a backup into a new service yet, so " + service + " starts empty", () -> false));
                state = plan(plan.replicas(), steps, Map.of());
            } else {
                state = existing.get();
                before = state.inStage(ReplicaStage.ACTIVE).size();
                for (LocalReplica r : state.inStage(ReplicaStage.JOINING)) {
                    state = leave(state, r, steps); // an add that never finished: undo it
                }
                for (LocalReplica r : state.inStage(ReplicaStage.LEAVING)) {
                    state = leave(state, r, steps);
                }
                state = countRestarts(state);
            }
            state = converge(state, steps);
            LocalState s = state;
            steps.run("remove stray etcd members", () -> removeStrays(s));
            return OperationResult.of(Operation.RECOVERY, before, state.inStage(ReplicaStage.ACTIVE).size(), steps.changes());
        }
    }

    private LocalState countRestarts(LocalState state) {
        LocalState s = state;
        for (LocalReplica r : state.inStage(ReplicaStage.ACTIVE)) {
            boolean down = !r.etcd().map(ProcessRecord::alive).orElse(false) || !r.service().map(ProcessRecord::alive).orElse(false);
            if (down) {
                s = s.put(r.withRestarts(r.restarts() + 1));
            }
        }
        return s;
    }

    private boolean removeStrays(LocalState state) {
        EtcdGateway etcd = gateway(state, null);
        Set<String> known = new HashSet<>();
        state.replicas().forEach(r -> known.add(r.peerUrl()));
        boolean changed = false;
        for (MemberInfo m : etcd.members()) {
            if (m.peerUrls().stream().noneMatch(known::contains)) {
                changed |= etcd.removeMember(m.id());
            }
        }
        return changed;
    }

    // ---------------------------------------------------------------- state and logs

    @Override
    public ServiceState state() {
        Optional<LocalState> read = stateFile.read();
        if (read.isEmpty()) {
            return new ServiceState(service, 0, false, List.of(), List.of(), Optional.empty(), Instant.now());
        }
        LocalState state = read.get();
        List<MemberInfo> members = List.of();
        Optional<ReplicationKeys> keys = Optional.empty();
        if (!state.paused() && !state.replicas().isEmpty()) {
            try {
                EtcdGateway etcd = gateway(state, null);
                members = etcd.members();
                keys = Optional.of(ReplicationKeysReader.read(etcd, service));
            } catch (ClusterException e) {
                // no member answers: members and keys stay empty, the replicas show why
            }
        }
        String host = hostName();
        List<ReplicaState> replicas = new ArrayList<>();
        for (LocalReplica r : state.replicas()) {
            replicas.add(replicaState(state, r, host, members));
        }
        return new ServiceState(service, state.inStage(ReplicaStage.ACTIVE).size(), state.paused(), replicas, members,
                keys, Instant.now());
    }

    private ReplicaState replicaState(LocalState state, LocalReplica r, String host, List<MemberInfo> members) {
        boolean etcdUp = r.etcd().map(ProcessRecord::alive).orElse(false);
        boolean serviceUp = r.service().map(ProcessRecord::alive).orElse(false);
        Optional<String> memberId = members.stream().filter(m -> m.peerUrls().contains(r.peerUrl()))
                .map(MemberInfo::id).findFirst().or(() -> members.isEmpty() ? r.memberId() : Optional.empty());
        Optional<ReplicaStatus> status = serviceUp ? statusClient.read(URI.create(r.httpUrl())) : Optional.empty();
        String pids = "etcd " + r.etcd().map(p -> Long.toString(p.pid())).orElse("-") + (etcdUp ? "" : " (down)")
                + ", service " + r.service().map(p -> Long.toString(p.pid())).orElse("-") + (serviceUp ? "" : " (down)")
                + ", http " + r.httpPort() + ", etcd " + r.etcdClientPort();
        ReplicaPhase phase;
        String detail = pids;
        if (state.paused() || r.stage() == ReplicaStage.LEAVING) {
            phase = etcdUp || serviceUp ? ReplicaPhase.RUNNING : ReplicaPhase.STOPPED;
        } else if (r.stage() == ReplicaStage.JOINING) {
            phase = ReplicaPhase.STARTING;
        } else if (r.etcd().isEmpty() && r.service().isEmpty()) {
            phase = ReplicaPhase.MISSING;
        } else if (!etcdUp || !serviceUp) {
            phase = ReplicaPhase.FAILED;
            detail = (!etcdUp && !serviceUp ? "etcd and service exited" : !etcdUp ? "etcd exited" : "service exited")
                    + "; " + pids;
        } else if (status.isPresent()) {
            phase = ReplicaPhase.RUNNING;
        } else {
            Instant started = r.service().get().startedAt();
            boolean young = Duration.between(started, Instant.now()).compareTo(startTimeout) < 0;
            phase = young ? ReplicaPhase.STARTING : ReplicaPhase.FAILED;
            detail = (young ? "starting" : "does not answer /br2k/status") + "; " + pids;
        }
        return new ReplicaState(r.name(), r.index(), phase, host, r.restarts(), memberId, status, detail);
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

    // ---------------------------------------------------------------- drills and teardown

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

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Builder for {@link LocalCluster}. */
    public static final class Builder {
        private Path baseDir;
        private String service;
        private LaunchSpec launch;
        private Path etcdBinary = DEFAULT_ETCD;
        private int maxReplicas = 7;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** Directory under which the cluster keeps {@code <service>/}. */
        public Builder baseDir(Path baseDir) {
            this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
            return this;
        }

        public Builder service(String service) {
            Objects.requireNonNull(service, "service");
            if (!service.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
                throw new IllegalArgumentException("service must be a lower-case DNS label, was \"" + service + "\"");
            }
            this.service = service;
            return this;
        }

        /** How to start a service process; needed to deploy, not to inspect or stop. */
        public Builder launch(LaunchSpec launch) {
            this.launch = Objects.requireNonNull(launch, "launch");
            return this;
        }

        public Builder etcdBinary(Path etcdBinary) {
            this.etcdBinary = Objects.requireNonNull(etcdBinary, "etcdBinary");
            return this;
        }

        public Builder maxReplicas(int maxReplicas) {
            if (maxReplicas < 1) {
                throw new IllegalArgumentException("maxReplicas must be >= 1, was " + maxReplicas);
            }
            this.maxReplicas = maxReplicas;
            return this;
        }

        /** How long to wait for an etcd member to join or a service to answer. */
        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout, "startTimeout");
            return this;
        }

        public LocalCluster build() {
            Objects.requireNonNull(baseDir, "baseDir");
            Objects.requireNonNull(service, "service");
            return new LocalCluster(this);
        }
    }
}
