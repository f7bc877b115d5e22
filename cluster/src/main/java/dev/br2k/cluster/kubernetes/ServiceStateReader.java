package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.ReplicaPhase;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.ReplicationKeys;
import dev.br2k.cluster.ServiceState;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.etcd.EtcdAccess;
import dev.br2k.cluster.status.ReplicationKeysReader;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;
import static dev.br2k.cluster.kubernetes.ServiceObjects.desiredReplicas;
import static dev.br2k.cluster.kubernetes.ServiceObjects.isPaused;

/** Reads a service's state: one {@link ReplicaState} per ordinal from its pods, etcd members and /br2k/status. */
final class ServiceStateReader {

    private final ServiceObjects objects;
    private final EtcdAccess etcd;
    private final ReplicaStatusSource statusSource;
    private final DeploymentContext ctx;

    ServiceStateReader(ServiceObjects objects, EtcdAccess etcd, ReplicaStatusSource statusSource) {
        this.objects = objects;
        this.etcd = etcd;
        this.statusSource = statusSource;
        this.ctx = objects.context();
    }

    ServiceState state() {
        StatefulSet s = objects.statefulSet();
        List<Pod> pods = objects.pods();
        boolean paused = s != null && isPaused(s);
        int desired = s == null ? 0 : desiredReplicas(s);
        List<MemberInfo> members = List.of();
        Optional<ReplicationKeys> keys = Optional.empty();
        if (!paused && !pods.isEmpty()) {
            try {
                members = etcd.members();
                keys = Optional.of(ReplicationKeysReader.read(etcd, ctx.service()));
            } catch (ClusterException e) {
                // etcd unreachable: members and keys stay empty; the pods tell why
            }
        }
        Map<Integer, Pod> byIndex = new HashMap<>();
        for (Pod p : pods) {
            ordinal(ctx, p.getMetadata().getName()).ifPresent(i -> byIndex.put(i, p));
        }
        int upTo = Math.max(desired, byIndex.keySet().stream().mapToInt(i -> i + 1).max().orElse(0));
        List<ReplicaState> replicas = new ArrayList<>();
        for (int i = 0; i < upTo; i++) {
            String name = pod(ctx, i);
            int index = i;
            Optional<String> memberId = members.stream()
                    .filter(m -> m.peerUrls().contains(peerUrl(ctx, index)) || m.name().equals(name))
                    .map(MemberInfo::id).findFirst();
            Pod p = byIndex.get(i);
            if (p == null) {
                replicas.add(new ReplicaState(name, i, paused ? ReplicaPhase.STOPPED : ReplicaPhase.MISSING, "", 0,
                        memberId, Optional.empty(), paused ? "paused" : "no pod"));
                continue;
            }
            ReplicaPhase phase = PodHealth.phase(p);
            Optional<ReplicaStatus> status = phase == ReplicaPhase.RUNNING || phase == ReplicaPhase.STARTING
                    ? statusSource.read(ctx.namespace(), name, ctx.port()) : Optional.empty();
            String detail = PodHealth.failure(p).map(f -> (f.container().isEmpty() ? "" : f.container() + ": ") + f.reason())
                    .orElse(p.getStatus() == null || p.getStatus().getPhase() == null ? "" : p.getStatus().getPhase());
            String node = p.getSpec() == null || p.getSpec().getNodeName() == null ? "" : p.getSpec().getNodeName();
            replicas.add(new ReplicaState(name, i, phase, node, PodHealth.restarts(p), memberId, status, detail));
        }
        return new ServiceState(ctx.service(), desired, paused, replicas, members, keys, Instant.now());
    }
}
