package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.ReplicaCountException;
import dev.br2k.cluster.admin.AdminToken;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.StoredContext;
import dev.br2k.cluster.internal.Steps;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.br2k.cluster.kubernetes.KubernetesNames.*;
import static dev.br2k.cluster.kubernetes.ServiceObjects.changed;
import static dev.br2k.cluster.kubernetes.ServiceObjects.desiredReplicas;
import static dev.br2k.cluster.kubernetes.ServiceObjects.isPaused;

/**
 * Deploy: creates the service's objects that are missing and updates those that drifted from the context
 * ({@link #applyObjects}, shared with recovery), then resumes a paused service.
 */
final class DeployOperation {

    private final ServiceObjects objects;
    private final EtcdMembership membership;
    private final KubernetesClient client;
    private final DeploymentContext ctx;
    private final Apply apply;
    private final Optional<StoredContext> stored;

    /** @param stored the context read back from the namespace, when the cluster was opened from it */
    DeployOperation(ServiceObjects objects, EtcdMembership membership, Optional<StoredContext> stored) {
        this.objects = objects;
        this.membership = membership;
        this.stored = stored;
        this.client = objects.client();
        this.ctx = objects.context();
        this.apply = new Apply(client, ctx.namespace());
    }

    /**
     * Creates what is missing and updates what drifted from the context. The replica count is used
     * only when the StatefulSet is created; later the count changes only through add, reduce and pause.
     */
    OperationResult deploy(int replicas, ProgressListener listener) {
        if (replicas < 1 || replicas > ctx.maxReplicas()) {
            throw new ReplicaCountException("A service needs between 1 and " + ctx.maxReplicas() + " replicas; "
                    + replicas + " were asked.");
        }
        Steps steps = new Steps(Operation.DEPLOY, listener);
        StatefulSet existing = objects.statefulSet();
        int before = existing == null ? 0 : desiredReplicas(existing);
        applyObjects(ctx, steps, existing == null ? replicas : before, false);
        if (stored.isEmpty()) {
            steps.run("apply ConfigMap " + ContextStore.name(ctx.service()) + " (the deployment context, no secrets)",
                    () -> changed(apply.apply(ContextStore.configMap(ctx))));
        }
        int after = resumeIfPaused(steps);
        markEtcdExisting(steps);
        return OperationResult.of(Operation.DEPLOY, before, after, steps.changes());
    }

    /**
     * Applies every object of context {@code c} with {@code replicas} replicas; {@code freshEtcd} resets the
     * etcd bootstrap ConfigMap for a new etcd cluster (a whole-service recovery).
     */
    void applyObjects(DeploymentContext c, Steps steps, int replicas, boolean freshEtcd) {
        List<String> refused = new ArrayList<>(DesiredState.refusals(c));
        if (c.etcdTls().enabled()) {
            refused.addAll(EtcdTlsSecretCheck.problems(c,
                    client.secrets().inNamespace(c.namespace()).withName(KubernetesNames.tlsSecret(c)).get()));
        }
        if (!refused.isEmpty()) {
            throw new ClusterException("The context " + c.name() + " asks for what cannot run yet: " + String.join("; ", refused));
        }
        // A context read back from the namespace names the keystore and registry Secrets; they stay as they are.
        boolean keystoreKept = c.keystore().isEmpty() && stored.map(StoredContext::keystoreSecret).orElse(false);
        if (stored.isPresent()) {
            requireKeptSecrets(c, keystoreKept);
        }
        StatefulSet desired = DesiredState.statefulSet(c, replicas, c.keystore().isPresent() || keystoreKept);
        StatefulSet running = client.apps().statefulSets().inNamespace(c.namespace()).withName(KubernetesNames.statefulSet(c)).get();
        DesiredState.claimTemplateChange(running, desired).ifPresent(change -> {
            throw new ClusterException(change);
        });
        DesiredState.registrySecret(c).ifPresent(s ->
                steps.run("apply Secret " + s.getMetadata().getName(), () -> changed(apply.apply(s))));
        DesiredState.keystoreSecret(c).ifPresent(s ->
                steps.run("apply Secret " + s.getMetadata().getName(), () -> changed(apply.apply(s))));
        steps.run("create Secret " + KubernetesNames.adminSecret(c) + " (admin token)",
                () -> changed(apply.createIfMissing(DesiredState.adminSecret(c, AdminToken.random()))));
        // a random 256-bit key as 64 hex digits, the form of the runtime's backup log key file
        steps.run("create Secret " + KubernetesNames.backupLogKeySecret(c) + " (backup log key)",
                () -> changed(apply.createIfMissing(DesiredState.backupLogKeySecret(c, AdminToken.random()))));
        ConfigMap config = DesiredState.initialEtcdConfig(c, replicas);
        if (freshEtcd) {
            steps.run("reset ConfigMap " + etcdConfigMap(c) + " for a new etcd cluster", () -> {
                ConfigMap old = client.configMaps().inNamespace(c.namespace()).withName(etcdConfigMap(c)).get();
                if (old != null && config.getData().equals(old.getData())) {
                    return false;
                }
                if (old != null) {
                    client.configMaps().inNamespace(c.namespace()).withName(etcdConfigMap(c)).delete();
                }
                client.resource(config).inNamespace(c.namespace()).create();
                return true;
            });
        } else {
            steps.run("create ConfigMap " + etcdConfigMap(c), () -> changed(apply.createIfMissing(config)));
        }
        steps.run("create PersistentVolumeClaim " + KubernetesNames.backupClaim(c) + " (shared backup store)",
                () -> changed(apply.createIfMissing(DesiredState.backupClaim(c))));
        steps.run("apply ServiceAccount " + KubernetesNames.serviceAccount(c), () -> changed(apply.apply(DesiredState.serviceAccount(c))));
        steps.run("apply Role " + KubernetesNames.leaderLabelRole(c), () -> changed(apply.apply(DesiredState.leaderLabelRole(c))));
        steps.run("apply RoleBinding " + KubernetesNames.leaderLabelRole(c),
                () -> changed(apply.apply(DesiredState.leaderLabelRoleBinding(c))));
        steps.run("apply Service " + KubernetesNames.peerService(c), () -> changed(apply.apply(DesiredState.peerService(c))));
        steps.run("apply Service " + KubernetesNames.clientService(c), () -> changed(apply.apply(DesiredState.clientService(c))));
        steps.run("apply StatefulSet " + KubernetesNames.statefulSet(c),
                () -> changed(apply.apply(desired)));
        steps.run("apply PodDisruptionBudget " + KubernetesNames.statefulSet(c),
                () -> changed(apply.apply(DesiredState.disruptionBudget(c))));
        steps.run("apply NetworkPolicy " + KubernetesNames.statefulSet(c),
                () -> changed(apply.apply(DesiredState.networkPolicy(c))));
    }

    /** The bootstrap ConfigMap turns {@code existing} once the initial members have started ({@link EtcdMembership}). */
    void markEtcdExisting(Steps steps) {
        steps.run("mark ConfigMap " + etcdConfigMap(ctx) + " existing once every initial etcd member has started",
                membership::markExistingOnceStarted);
    }

    /** The Secrets a kept context refers to but cannot re-create (they hold credentials it does not keep). */
    private void requireKeptSecrets(DeploymentContext c, boolean keystoreKept) {
        List<String> names = new ArrayList<>();
        if (keystoreKept) {
            names.add(KubernetesNames.keystoreSecret(c));
        }
        if (c.imagePullSecrets().contains(KubernetesNames.registrySecret(c))) {
            names.add(KubernetesNames.registrySecret(c));
        }
        List<String> missing = names.stream()
                .filter(n -> client.secrets().inNamespace(c.namespace()).withName(n).get() == null).toList();
        if (!missing.isEmpty()) {
            throw new ClusterException("The Secret(s) " + String.join(", ", missing) + " of " + c.service() + " are missing in"
                    + " namespace " + c.namespace() + ", and the context kept in ConfigMap " + ContextStore.name(c.service())
                    + " holds no credentials to re-create them. Run 'br2k spray' with the deployer's context (it holds the"
                    + " keystore and the image registry's password), then retry.");
        }
    }

    private int resumeIfPaused(Steps steps) {
        StatefulSet s = objects.statefulSet();
        int desired = desiredReplicas(s);
        if (isPaused(s)) {
            steps.run("resume: scale StatefulSet to " + desired, () -> {
                client.apps().statefulSets().inNamespace(ctx.namespace()).withName(KubernetesNames.statefulSet(ctx))
                        .edit(x -> {
                            StatefulSet y = new StatefulSetBuilder(x).editSpec().withReplicas(desired).endSpec().build();
                            y.getMetadata().getAnnotations().remove(ANNOTATION_PAUSED);
                            y.getMetadata().getAnnotations().remove(ANNOTATION_REPLICAS);
                            return y;
                        });
                return true;
            });
        }
        return desired;
    }
}
