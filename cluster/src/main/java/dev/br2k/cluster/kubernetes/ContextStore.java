package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.context.CanonicalContext;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.StoredContext;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.HexFormat;

/**
 * The service's deployment context kept in its namespace: ConfigMap {@code <svc>-context}, written by deploy
 * ({@code spray}) from the deployer's context, holding its {@link CanonicalContext canonical form} (no
 * credentials: the keystore and the image registry's password stay in their Secrets) and its SHA-256, which
 * {@code br2k register} puts on the registry as {@code contextHash}. Reading it back lets any machine with a
 * kubeconfig for the namespace scale and recover the service without the deployer's context file.
 */
public final class ContextStore {

    /** The ConfigMap's key holding the canonical text. */
    public static final String CONTEXT_KEY = "context.json";
    /** The ConfigMap's key holding the canonical text's SHA-256 (hex), for people and kubectl. */
    public static final String HASH_KEY = "sha256";

    private ContextStore() {
    }

    /** {@code <svc>-context}. */
    public static String name(String service) {
        return service + "-context";
    }

    /** The ConfigMap that keeps {@code ctx}. */
    public static ConfigMap configMap(DeploymentContext ctx) {
        String canonical = CanonicalContext.of(ctx);
        return new ConfigMapBuilder()
                .withNewMetadata().withName(name(ctx.service())).withNamespace(ctx.namespace())
                    .withLabels(KubernetesNames.labels(ctx.service())).endMetadata()
                .addToData(CONTEXT_KEY, canonical)
                .addToData(HASH_KEY, HexFormat.of().formatHex(CanonicalContext.hash(canonical)))
                .build();
    }

    /**
     * Reads the context of {@code service} kept in {@code namespace}, for a caller that reaches it through the
     * kubeconfig context {@code kubeContext}. The replica count is the StatefulSet's (1 when it is gone).
     *
     * @throws ClusterException when the ConfigMap is missing or does not hold a context, saying how to write it
     */
    public static StoredContext read(KubernetesClient client, String namespace, String service, String kubeContext) {
        String where = "ConfigMap " + namespace + "/" + name(service);
        ConfigMap map = client.configMaps().inNamespace(namespace).withName(name(service)).get();
        if (map == null || map.getData() == null || !map.getData().containsKey(CONTEXT_KEY)) {
            throw new ClusterException("There is no " + where + " holding " + service + "'s deployment context (" + CONTEXT_KEY
                    + "): it was deployed by an older br2k, or the ConfigMap was deleted. Run 'br2k spray' once with the"
                    + " context it was deployed with (it changes nothing that runs and writes the ConfigMap).");
        }
        StatefulSet set = client.apps().statefulSets().inNamespace(namespace).withName(service).get();
        int replicas = set == null ? 1 : ServiceObjects.desiredReplicas(set);
        return CanonicalContext.read(map.getData().get(CONTEXT_KEY), where, kubeContext, service + "-registry", replicas);
    }
}
