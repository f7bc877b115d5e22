package dev.br2k.cluster.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a local cluster persists in {@code <baseDir>/<service>/cluster.json}, so that another JVM
 * (a later {@code br2k sandbox status} or {@code down}) can find and act on the same processes.
 *
 * @param service     service name
 * @param launch      how to start a service process
 * @param etcdBinary  the etcd executable
 * @param maxReplicas the most replicas add may reach
 * @param paused      true after pause
 * @param replicas    every replica, by index
 */
public record LocalState(String service, LaunchSpec launch, Path etcdBinary, int maxReplicas, boolean paused,
                         List<LocalReplica> replicas) {

    public LocalState {
        replicas = List.copyOf(replicas);
    }

    public LocalState withPaused(boolean p) {
        return new LocalState(service, launch, etcdBinary, maxReplicas, p, replicas);
    }

    public LocalState withReplicas(List<LocalReplica> r) {
        return new LocalState(service, launch, etcdBinary, maxReplicas, paused, r);
    }

    /** The same state with this replica replaced (by name) or appended. */
    public LocalState put(LocalReplica replica) {
        List<LocalReplica> out = new ArrayList<>();
        boolean replaced = false;
        for (LocalReplica r : replicas) {
            if (r.name().equals(replica.name())) {
                out.add(replica);
                replaced = true;
            } else {
                out.add(r);
            }
        }
        if (!replaced) {
            out.add(replica);
        }
        out.sort(java.util.Comparator.comparingInt(LocalReplica::index));
        return withReplicas(out);
    }

    public LocalState remove(String name) {
        return withReplicas(replicas.stream().filter(r -> !r.name().equals(name)).toList());
    }

    public Optional<LocalReplica> replica(String name) {
        return replicas.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<LocalReplica> inStage(ReplicaStage stage) {
        return replicas.stream().filter(r -> r.stage() == stage).toList();
    }

    public int nextIndex() {
        return replicas.stream().mapToInt(LocalReplica::index).max().orElse(-1) + 1;
    }
}
