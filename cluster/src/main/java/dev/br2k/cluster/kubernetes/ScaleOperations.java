package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.Operation;
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
        Steps steps = new Steps(Operation.ADD, listener);
        for (int i = before; i < target; i++) {
            int index = i;
            String pod = pod(ctx, index);
            steps.run("etcd member add " + pod, () -> {
                boolean existed = etcd.members().stream().anyMatch(m -> m.peerUrls().contains(peerUrl(ctx, index)));
                etcd.addMember(peerUrl(ctx, index));
                return !existed;
            });
            steps.run("update ConfigMap " + etcdConfigMap(ctx), membership::syncEtcdConfig);
            steps.run("scale StatefulSet to " + (index + 1), () -> objects.scale(index + 1));
            if (!joinTimeout.isZero()) {
                steps.run("wait for etcd member " + pod + " to join", () -> {
                    Wait.until("etcd member " + pod + " to join", joinTimeout,
                            () -> etcd.members().stream().anyMatch(m -> m.started() && m.name().equals(pod)));
                    return false;
                });
            }
        }
        return OperationResult.of(Operation.ADD, before, target, steps.changes());
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
