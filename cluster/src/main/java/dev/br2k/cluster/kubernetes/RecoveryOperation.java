package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoveryPlan;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.etcd.EtcdAccess;
import dev.br2k.cluster.internal.Steps;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;
import static dev.br2k.cluster.kubernetes.ServiceObjects.desiredReplicas;
import static dev.br2k.cluster.kubernetes.ServiceObjects.imageOf;
import static dev.br2k.cluster.kubernetes.ServiceObjects.isPaused;

/**
 * Recovery: redeploys a service of which nothing is left from the registry's recovery information, or
 * repairs a running one (re-applies its objects, replaces failed pods and broken etcd members, removes
 * stray members).
 */
final class RecoveryOperation {

    private final ServiceObjects objects;
    private final EtcdMembership membership;
    private final DeployOperation deploy;
    private final EtcdAccess etcd;
    private final DeploymentContext ctx;
    private final LostNodes lostNodes;

    RecoveryOperation(ServiceObjects objects, EtcdMembership membership, DeployOperation deploy) {
        this.objects = objects;
        this.membership = membership;
        this.deploy = deploy;
        this.etcd = membership.etcd();
        this.ctx = objects.context();
        this.lostNodes = new LostNodes(objects.client());
    }

    /**
     * A pod on a lost node: its etcd member is removed first (fenced: should the node come back, its etcd is no
     * longer a member and cannot vote), then added anew with an empty etcd claim, and the pod is force-deleted so
     * the StatefulSet controller makes it again elsewhere. Its state claim goes too when that volume lives on the
     * lost node (a local volume cannot follow the pod): the new replica restores the newest backup as a Learner.
     * Claims are deleted before the pod: a claim in use stays Terminating until its pod is gone, so the new pod
     * gets new claims rather than the old ones.
     */
    private void fence(Steps steps, String name, int i, String why) {
        boolean stateLocal = lostNodes.nodeLocal(ctx.namespace(), claim(STATE_VOLUME, ctx, i));
        steps.run("fence " + name + " on a lost node (" + why + "): remove its etcd member, replace its etcd claim"
                + (stateLocal ? " and its node-local state claim" : "") + ", force-delete the pod", () -> {
            membership.memberOf(i).ifPresent(m -> etcd.removeMember(m.id()));
            objects.deleteClaim(claim(ETCD_VOLUME, ctx, i));
            if (stateLocal) {
                objects.deleteClaim(claim(STATE_VOLUME, ctx, i));
            }
            etcd.addMember(peerUrl(ctx, i));
            membership.syncEtcdConfig();
            objects.client().pods().inNamespace(ctx.namespace()).withName(name).withGracePeriod(0).delete();
            return true;
        });
    }

    OperationResult recover(RecoverySource source, ProgressListener listener) {
        Steps steps = new Steps(Operation.RECOVERY, listener);
        StatefulSet s = objects.statefulSet();
        if (s != null && isPaused(s)) {
            throw new ClusterException(ctx.service() + " is paused, not failed. Run deploy to resume it.");
        }
        List<Integer> etcdClaims = objects.claimOrdinals(ETCD_VOLUME);
        if (s == null && etcdClaims.isEmpty()) {
            // Nothing of the service is left: redeploy from the registry's recovery information.
            Optional<RecoveryPlan> plan = source.plan(ctx.service());
            int replicas = plan.map(RecoveryPlan::replicas).orElse(ctx.replicas());
            DeploymentContext target = plan.flatMap(RecoveryPlan::image).map(ctx::withImage).orElse(ctx);
            steps.run("read recovery information of " + ctx.service(), () -> false);
            deploy.applyObjects(target, steps, replicas, true);
            // The runtime restores it: each replica finds the new etcd empty and the service's backups in the
            // backup log on the kept claim <svc>-backups, and restores the newest one (EmptyLogSeed in core-replication).
            plan.flatMap(RecoveryPlan::newestBackup).ifPresent(b -> steps.run("restore backup " + b + ": the replicas find"
                    + " the new etcd empty and restore the newest backup in the backup log on claim "
                    + KubernetesNames.backupClaim(ctx), () -> false));
            return OperationResult.of(Operation.RECOVERY, 0, replicas, steps.changes());
        }
        int replicas = s != null ? desiredReplicas(s) : etcdClaims.stream().mapToInt(i -> i + 1).max().orElse(1);
        int before = s == null ? 0 : replicas;
        // Recovery restores what runs; it does not roll out a new image (deploy does).
        DeploymentContext running = imageOf(s).map(ctx::withImage).orElse(ctx);
        deploy.applyObjects(running, steps, replicas, false);
        Instant now = Instant.now();
        for (Pod pod : objects.pods()) {
            Optional<PodHealth.Failure> failure = PodHealth.failure(pod);
            String name = pod.getMetadata().getName();
            Optional<Integer> index = ordinal(ctx, name);
            if (index.isEmpty()) {
                continue;
            }
            Optional<String> lost = lostNodes.lostNode(pod, now);
            if (lost.isPresent()) {
                fence(steps, name, index.get(), lost.get());
                continue;
            }
            if (failure.isEmpty()) {
                continue;
            }
            if (DesiredState.LEADER_LABEL_CONTAINER.equals(failure.get().container())) {
                // The sidecar only routes; its replica and etcd are fine. Replacing the pod would not cure what
                // makes it fail (its RBAC, the API server), only cost a restore, again and again.
                steps.run("leave pod " + name + ": only its leader-label sidecar fails (" + failure.get().reason() + "); see why with"
                        + " kubectl -n " + ctx.namespace() + " logs " + name + " -c " + DesiredState.LEADER_LABEL_CONTAINER, () -> false);
                continue;
            }
            if (ETCD_CONTAINER.equals(failure.get().container())) {
                int i = index.get();
                steps.run("replace etcd member of " + name + " (" + failure.get().reason() + ")", () -> {
                    membership.memberOf(i).ifPresent(m -> etcd.removeMember(m.id()));
                    objects.deleteClaim(claim(ETCD_VOLUME, ctx, i));
                    etcd.addMember(peerUrl(ctx, i));
                    membership.syncEtcdConfig();
                    return true;
                });
            }
            steps.run("replace pod " + name + " (" + failure.get().reason() + ")", () -> {
                objects.client().pods().inNamespace(ctx.namespace()).withName(name).delete();
                return true;
            });
        }
        steps.run("remove stray etcd members", () -> membership.removeStrays(replicas));
        deploy.markEtcdExisting(steps);
        return OperationResult.of(Operation.RECOVERY, before, replicas, steps.changes());
    }
}
