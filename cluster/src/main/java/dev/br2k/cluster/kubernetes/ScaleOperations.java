package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationFailedException;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.ReplicaCountException;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.etcd.EtcdAccess;
import dev.br2k.cluster.internal.Steps;
import dev.br2k.cluster.internal.Wait;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.time.Duration;
import java.util.Optional;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;

/**
 * Add and reduce: one replica at a time, the etcd member first (added before its pod starts, removed before
 * its pod stops), then the bootstrap ConfigMap, then the StatefulSet's count.
 */
final class ScaleOperations {

    private final ServiceObjects objects;
    private final EtcdMembership membership;
    private final EtcdAccess etcd;
    private final DeploymentContext ctx;
    private final Duration joinTimeout;

    ScaleOperations(ServiceObjects objects, EtcdMembership membership, Duration joinTimeout) {
        this.objects = objects;
        this.membership = membership;
        this.etcd = membership.etcd();
        this.ctx = objects.context();
        this.joinTimeout = joinTimeout;
    }

    OperationResult add(int count, ProgressListener listener) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        StatefulSet s = objects.requireRunning();
        int before = s.getSpec().getReplicas();
        int target = before + count;
        if (target > ctx.maxReplicas()) {
            throw new ReplicaCountException(ctx.service() + " has " + before + " replicas and may have at most "
                    + ctx.maxReplicas() + "; adding " + count + " would exceed that.");
        }
        // One replica per node: a pod that cannot be scheduled would leave its etcd member unstarted.
        Optional<Integer> nodes = objects.schedulableNodes();
        nodes.filter(n -> n < target).ifPresent(n -> {
            throw new ReplicaCountException(ctx.service() + " would have " + target + " replicas, one per node, but only " + n
                    + (ctx.nodeLabels().isEmpty()
                            ? " nodes are schedulable (Ready, not cordoned). Add or uncordon nodes (kubectl get nodes)"
                            : " schedulable (Ready, not cordoned) nodes carry the labels " + ctx.nodeLabels() + ". Label more"
                                    + " nodes (kubectl label node <node> " + labelArguments() + ")")
                    + " or add fewer replicas.");
        });
        Steps steps = new Steps(Operation.ADD, listener);
        if (nodes.isEmpty()) {
            steps.run("count schedulable nodes: not checked, this account may not list nodes (the learner and its join"
                    + " timeout still undo an add whose pod cannot be scheduled)", () -> false);
        }
        for (int i = before; i < target; i++) {
            int index = i;
            String pod = pod(ctx, index);
            if (joinTimeout.isZero()) {
                // Not waiting for the pod means no one promotes a learner: add a voting member as before.
                steps.run("etcd member add " + pod, () -> {
                    boolean existed = etcd.members().stream().anyMatch(m -> m.peerUrls().contains(peerUrl(ctx, index)));
                    etcd.addMember(peerUrl(ctx, index));
                    return !existed;
                });
            } else {
                steps.run("etcd member add --learner " + pod, () -> {
                    boolean existed = etcd.members().stream().anyMatch(m -> m.peerUrls().contains(peerUrl(ctx, index)));
                    etcd.addLearner(peerUrl(ctx, index));
                    return !existed;
                });
            }
            steps.run("update ConfigMap " + etcdConfigMap(ctx), membership::syncEtcdConfig);
            steps.run("scale StatefulSet to " + (index + 1), () -> objects.scale(index + 1));
            if (!joinTimeout.isZero()) {
                awaitAndPromote(steps, index);
            }
        }
        return OperationResult.of(Operation.ADD, before, target, steps.changes());
    }

    /**
     * Waits until the learner of replica {@code index} has started and caught up, and promotes it. When it does not
     * within the join timeout (its pod cannot be scheduled, its image cannot be pulled...), the learner is removed
     * and the StatefulSet scaled back, so the cluster is as before the add; then the add fails saying so.
     */
    private void awaitAndPromote(Steps steps, int index) {
        String pod = pod(ctx, index);
        try {
            steps.run("wait for etcd learner " + pod + " to catch up, then promote it to a voting member", () -> {
                Wait.until("etcd learner " + pod + " to start and catch up", joinTimeout, () -> membership.memberOf(index)
                        .filter(MemberInfo::started).map(m -> etcd.promote(m.id())).orElse(false));
                return true;
            });
        } catch (ClusterException timedOut) {
            steps.run("remove etcd learner " + pod, () -> membership.memberOf(index).map(m -> etcd.removeMember(m.id())).orElse(false));
            steps.run("update ConfigMap " + etcdConfigMap(ctx), membership::syncEtcdConfig);
            steps.run("scale StatefulSet back to " + index, () -> objects.scale(index));
            steps.run("delete volume claims of " + pod, () -> objects.deleteClaims(index));
            throw new OperationFailedException(Operation.ADD, "wait for etcd learner " + pod, pod + " did not start and catch up with etcd within " + joinTimeout.toSeconds()
                    + " s, so its learner was removed and " + ctx.service() + " scaled back to " + index + " replicas. See why with"
                    + " kubectl -n " + ctx.namespace() + " describe pod " + pod + " (scheduling, image pull, volume), then add again.",
                    timedOut);
        }
    }

    private String labelArguments() {
        return String.join(" ", ctx.nodeLabels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
    }

    OperationResult reduce(int count, ProgressListener listener) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        StatefulSet s = objects.requireRunning();
        int before = s.getSpec().getReplicas();
        int target = before - count;
        if (target < 1) {
            throw new ReplicaCountException(ctx.service() + " has " + before + " replicas; it must keep at least 1.");
        }
        Steps steps = new Steps(Operation.REDUCE, listener);
        for (int i = before - 1; i >= target; i--) {
            int index = i;
            String pod = pod(ctx, index);
            steps.run("etcd member remove " + pod, () -> {
                Optional<MemberInfo> m = membership.memberOf(index);
                return m.isPresent() && etcd.removeMember(m.get().id());
            });
            steps.run("update ConfigMap " + etcdConfigMap(ctx), membership::syncEtcdConfig);
            steps.run("scale StatefulSet to " + index, () -> objects.scale(index));
            steps.run("delete volume claims of " + pod, () -> objects.deleteClaims(index));
        }
        return OperationResult.of(Operation.REDUCE, before, target, steps.changes());
    }
}
