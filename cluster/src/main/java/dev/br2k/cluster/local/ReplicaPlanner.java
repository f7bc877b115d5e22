package dev.br2k.cluster.local;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.ReplicaCountException;
import dev.br2k.cluster.internal.Steps;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Plans replicas: their names, indexes and free loopback ports, recorded before anything starts. */
final class ReplicaPlanner {
    private final LocalSettings s;

    ReplicaPlanner(LocalSettings settings) {
        this.s = settings;
    }

    /** Plans a new cluster of {@code replicas} founding members and persists it before anything starts. */
    LocalState plan(int replicas, Steps steps, Map<String, String> extraEnv) {
        if (replicas < 1 || replicas > s.maxReplicas()) {
            throw new ReplicaCountException("A service needs between 1 and " + s.maxReplicas() + " replicas; "
                    + replicas + " were asked.");
        }
        LaunchSpec spec = s.launch().orElseThrow(() -> new ClusterException("No launch spec for " + s.service()
                + ": build the LocalCluster with launch(...) to deploy it."));
        Set<Integer> taken = new HashSet<>();
        List<LocalReplica> list = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            list.add(newReplica(i, ReplicaStage.ACTIVE, taken));
        }
        LocalState planned = new LocalState(s.service(), spec.withEnv(extraEnv), s.etcdBinary(), s.maxReplicas(), false, list);
        steps.run("plan " + replicas + " replicas in " + s.layout().root(), () -> {
            Files.createDirectories(s.layout().backups());
            s.stateFile().write(planned);
            return true;
        });
        return planned;
    }

    /** A replica with ports that no recorded replica and nothing in {@code taken} uses; {@code taken} gains them. */
    LocalReplica newReplica(int index, ReplicaStage stage, Set<Integer> taken) {
        s.stateFile().read().ifPresent(st -> st.replicas().forEach(r ->
                taken.addAll(List.of(r.etcdClientPort(), r.etcdPeerPort(), r.httpPort()))));
        return new LocalReplica(s.service() + "-" + index, index, stage, Ports.free(taken), Ports.free(taken),
                Ports.free(taken), Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }
}
