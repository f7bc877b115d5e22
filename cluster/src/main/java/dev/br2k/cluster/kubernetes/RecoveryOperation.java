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

    RecoveryOperation(ServiceObjects objects, EtcdMembership membership, DeployOperation deploy) {
        this.objects = objects;
        this.membership = membership;
        this.deploy = deploy;
        this.etcd = membership.etcd();
        this.ctx = objects.context();
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
            plan.flatMap(RecoveryPlan::newestBackup).ifPresent(b -> steps.run("leave backup " + b + " in the store: the"
                    + " runtime cannot restore a backup into a new service yet, so " + ctx.service() + " starts empty", () -> false));
            return OperationResult.of(Operation.RECOVERY, 0, replicas, steps.changes());
        }
        int replicas = s != null ? desiredReplicas(s) : etcdClaims.stream().mapToInt(i -> i + 1).max().orElse(1);
        int before = s == null ? 0 : replicas;
        // Recovery restores what runs; it does not roll out a new image (deploy does).
        DeploymentContext running = imageOf(s).map(ctx::withImage).orElse(ctx);
        deploy.applyObjects(running, steps, replicas, false);
        for (Pod pod : objects.pods()) {
            Optional<PodHealth.Failure> failure = PodHealth.failure(pod);
            String name = pod.getMetadata().getName();
            Optional<Integer> index = ordinal(ctx, name);
            if (failure.isEmpty() || index.isEmpty()) {
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
        return OperationResult.of(Operation.RECOVERY, before, replicas, steps.changes());
    }
}
