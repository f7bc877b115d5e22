package dev.br2k.watch.testing;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressEvent;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.ReplicaPhase;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.ReplicationKeys;
import dev.br2k.cluster.ServiceState;

import dev.br2k.protocol.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A cluster in memory: N replicas, one leader, a replica can be marked failed; operations are recorded. */
public final class FakeCluster implements Br2kCluster {

    private final String service;
    private int replicas;
    private String failed;
    public final List<String> calls;
    public final List<LogListener> logListeners = new CopyOnWriteArrayList<>();
    public final List<LogOptions> logOptions = new CopyOnWriteArrayList<>();
    public RuntimeException failAdd;

    public FakeCluster(String service, int replicas, List<String> calls) {
        this.service = service;
        this.replicas = replicas;
        this.calls = calls;
    }

    public void fail(String replica) {
        failed = replica;
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public OperationResult deploy(int count, ProgressListener listener) {
        replicas = count;
        return OperationResult.of(Operation.DEPLOY, 0, count, List.of("deploy"));
    }

    @Override
    public synchronized ServiceState state() {
        List<ReplicaState> rs = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            String name = service + "-" + i;
            boolean down = name.equals(failed);
            Optional<ReplicaStatus> status = down ? Optional.empty() : Optional.of(new ReplicaStatus(name,
                    i == 0 ? Role.LEADER : Role.FOLLOWER, 42, 42, 42, 1, Optional.of(service + "-0"), Optional.empty(), Optional.empty()));
            rs.add(new ReplicaState(name, i, down ? ReplicaPhase.FAILED : ReplicaPhase.RUNNING, "localhost", 0,
                    Optional.of("m" + i), status, down ? "killed" : ""));
        }
        return new ServiceState(service, replicas, false, rs,
                List.of(new MemberInfo("m0", service + "-0", List.of(), List.of())),
                Optional.of(new ReplicationKeys(42, 42, 1, Optional.of(service + "-0"), Map.of(), Map.of(), Map.of())), Instant.now());
    }

    @Override
    public synchronized OperationResult add(int count, ProgressListener listener) {
        calls.add("cluster add " + count);
        if (failAdd != null) {
            throw failAdd;
        }
        listener.onProgress(ProgressEvent.of(Operation.ADD, "etcd member add", ProgressEvent.Status.STARTED, ""));
        listener.onProgress(ProgressEvent.of(Operation.ADD, "etcd member add", ProgressEvent.Status.DONE, "member m" + replicas));
        int before = replicas;
        replicas += count;
        return OperationResult.of(Operation.ADD, before, replicas, List.of("etcd member add", "start"));
    }

    @Override
    public synchronized OperationResult reduce(int count, ProgressListener listener) {
        calls.add("cluster reduce " + count);
        int before = replicas;
        replicas -= count;
        return OperationResult.of(Operation.REDUCE, before, replicas, List.of("etcd member remove", "stop"));
    }

    @Override
    public OperationResult pause(ProgressListener listener) {
        return OperationResult.of(Operation.PAUSE, replicas, replicas, List.of());
    }

    @Override
    public synchronized OperationResult recover(RecoverySource source, ProgressListener listener) {
        calls.add("cluster recover");
        listener.onProgress(ProgressEvent.of(Operation.RECOVERY, "restart " + failed, ProgressEvent.Status.STARTED, ""));
        listener.onProgress(ProgressEvent.of(Operation.RECOVERY, "restart " + failed, ProgressEvent.Status.DONE, "rejoined as Learner"));
        failed = null;
        return OperationResult.of(Operation.RECOVERY, replicas, replicas, List.of("restart"));
    }

    @Override
    public LogStream logs(String replica, LogOptions options, LogListener listener) {
        logListeners.add(listener);
        logOptions.add(options);
        return new LogStream() {
            private boolean open = true;

            @Override
            public long delivered() {
                return 0;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
                logListeners.remove(listener);
            }
        };
    }

    @Override
    public void close() {
    }
}
