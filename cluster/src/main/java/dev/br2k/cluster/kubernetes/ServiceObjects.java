package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.context.DeploymentContext;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;

/**
 * A deployed service's Kubernetes objects as they are now: reads of its StatefulSet, pods and claims, and
 * the small edits every operation shares (scale, delete a claim). The operations of {@link KubernetesCluster}
 * go through this class.
 */
final class ServiceObjects {

    private final KubernetesClient client;
    private final DeploymentContext ctx;

    ServiceObjects(KubernetesClient client, DeploymentContext ctx) {
        this.client = client;
        this.ctx = ctx;
    }

    KubernetesClient client() {
        return client;
    }

    DeploymentContext context() {
        return ctx;
    }

    /** The StatefulSet, or null when the service is not deployed. */
    StatefulSet statefulSet() {
        return client.apps().statefulSets().inNamespace(ctx.namespace()).withName(KubernetesNames.statefulSet(ctx)).get();
    }

    StatefulSet requireRunning() {
        StatefulSet s = statefulSet();
        if (s == null) {
            throw notDeployed();
        }
        if (isPaused(s)) {
            throw new ClusterException(ctx.service() + " is paused. Run deploy to resume it first.");
        }
        return s;
    }

    List<Pod> pods() {
        return client.pods().inNamespace(ctx.namespace()).withLabels(selector(ctx.service())).list().getItems();
    }

    List<Integer> claimOrdinals(String volume) {
        String prefix = volume + "-";
        List<Integer> out = new ArrayList<>();
        for (PersistentVolumeClaim c : client.persistentVolumeClaims().inNamespace(ctx.namespace()).list().getItems()) {
            String n = c.getMetadata().getName();
            if (n.startsWith(prefix)) {
                ordinal(ctx, n.substring(prefix.length())).ifPresent(out::add);
            }
        }
        return out;
    }

    boolean scale(int replicas) {
        StatefulSet s = statefulSet();
        if (s.getSpec().getReplicas() == replicas) {
            return false;
        }
        client.apps().statefulSets().inNamespace(ctx.namespace()).withName(KubernetesNames.statefulSet(ctx))
                .edit(x -> new StatefulSetBuilder(x).editSpec().withReplicas(replicas).endSpec().build());
        return true;
    }

    boolean deleteClaims(int index) {
        boolean changed = false;
        for (String volume : List.of(STATE_VOLUME, ETCD_VOLUME)) {
            changed |= deleteClaim(claim(volume, ctx, index));
        }
        return changed;
    }

    boolean deleteClaim(String name) {
        var r = client.persistentVolumeClaims().inNamespace(ctx.namespace()).withName(name);
        if (r.get() == null) {
            return false;
        }
        r.delete();
        return true;
    }

    ClusterException notDeployed() {
        return new ClusterException(ctx.service() + " is not deployed in namespace " + ctx.namespace() + ". Deploy it first.");
    }

    static boolean isPaused(StatefulSet s) {
        return s.getMetadata().getAnnotations() != null && "true".equals(s.getMetadata().getAnnotations().get(ANNOTATION_PAUSED));
    }

    static int desiredReplicas(StatefulSet s) {
        if (isPaused(s)) {
            return Integer.parseInt(s.getMetadata().getAnnotations().getOrDefault(ANNOTATION_REPLICAS, "1"));
        }
        return s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
    }

    static Optional<String> imageOf(StatefulSet s) {
        if (s == null) {
            return Optional.empty();
        }
        return s.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> SERVICE_CONTAINER.equals(c.getName())).map(c -> c.getImage()).findFirst();
    }

    static boolean changed(Apply.Outcome outcome) {
        return outcome != Apply.Outcome.UNCHANGED;
    }
}
