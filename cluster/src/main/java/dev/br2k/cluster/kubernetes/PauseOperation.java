package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.internal.Steps;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

import java.util.HashMap;
import java.util.Map;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;
import static dev.br2k.cluster.kubernetes.ServiceObjects.desiredReplicas;
import static dev.br2k.cluster.kubernetes.ServiceObjects.isPaused;

/** Pause: scales the StatefulSet to 0 and remembers the replica count in annotations; deploy resumes it. */
final class PauseOperation {

    private final ServiceObjects objects;
    private final DeploymentContext ctx;

    PauseOperation(ServiceObjects objects) {
        this.objects = objects;
        this.ctx = objects.context();
    }

    OperationResult pause(ProgressListener listener) {
        StatefulSet s = objects.statefulSet();
        if (s == null) {
            throw objects.notDeployed();
        }
        Steps steps = new Steps(Operation.PAUSE, listener);
        int desired = desiredReplicas(s);
        steps.run("scale StatefulSet to 0, keeping its volumes", () -> {
            if (isPaused(s) && s.getSpec().getReplicas() == 0) {
                return false;
            }
            objects.client().apps().statefulSets().inNamespace(ctx.namespace()).withName(KubernetesNames.statefulSet(ctx))
                    .edit(x -> {
                        StatefulSet y = new StatefulSetBuilder(x).editSpec().withReplicas(0).endSpec().build();
                        Map<String, String> a = y.getMetadata().getAnnotations() == null ? new HashMap<>()
                                : new HashMap<>(y.getMetadata().getAnnotations());
                        a.put(ANNOTATION_PAUSED, "true");
                        a.put(ANNOTATION_REPLICAS, Integer.toString(desired));
                        y.getMetadata().setAnnotations(a);
                        return y;
                    });
            return true;
        });
        return OperationResult.of(Operation.PAUSE, desired, desired, steps.changes());
    }
}
