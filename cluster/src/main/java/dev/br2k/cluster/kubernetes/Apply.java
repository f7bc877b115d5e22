package dev.br2k.cluster.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Idempotent create-or-update. Each object carries the hash of the desired state it was made from;
 * an object whose hash matches is left alone, so a re-run changes nothing even on a real API server
 * that fills in defaults.
 */
final class Apply {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final KubernetesClient client;
    private final String namespace;

    Apply(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    /** Creates {@code desired} or brings the existing object to it. */
    <T extends HasMetadata> Outcome apply(T desired) {
        String hash = hash(desired);
        HasMetadata existing = client.resource(desired).inNamespace(namespace).get();
        annotate(desired, hash);
        if (existing == null) {
            client.resource(desired).inNamespace(namespace).create();
            return Outcome.CREATED;
        }
        Map<String, String> annotations = existing.getMetadata().getAnnotations();
        if (annotations != null && hash.equals(annotations.get(KubernetesNames.ANNOTATION_DESIRED_HASH))) {
            return Outcome.UNCHANGED;
        }
        keepServerAssigned(existing, desired);
        desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        client.resource(desired).inNamespace(namespace).update();
        return Outcome.UPDATED;
    }

    /** Creates {@code desired} only when missing (for objects whose content other steps own). */
    <T extends HasMetadata> Outcome createIfMissing(T desired) {
        if (client.resource(desired).inNamespace(namespace).get() != null) {
            return Outcome.UNCHANGED;
        }
        client.resource(desired).inNamespace(namespace).create();
        return Outcome.CREATED;
    }

    private static void annotate(HasMetadata o, String hash) {
        Map<String, String> a = o.getMetadata().getAnnotations() == null ? new HashMap<>()
                : new HashMap<>(o.getMetadata().getAnnotations());
        a.put(KubernetesNames.ANNOTATION_DESIRED_HASH, hash);
        o.getMetadata().setAnnotations(a);
    }

    /** Fields the API server assigns and refuses to have changed or cleared. */
    private static void keepServerAssigned(HasMetadata existing, HasMetadata desired) {
        if (existing instanceof Service e && desired instanceof Service d && e.getSpec() != null) {
            d.getSpec().setClusterIP(e.getSpec().getClusterIP());
            d.getSpec().setClusterIPs(e.getSpec().getClusterIPs());
            if (e.getSpec().getPorts() != null) {
                for (ServicePort dp : d.getSpec().getPorts()) {
                    e.getSpec().getPorts().stream().filter(ep -> ep.getName().equals(dp.getName())).findFirst()
                            .ifPresent(ep -> dp.setNodePort(ep.getNodePort()));
                }
            }
        }
        if (existing instanceof StatefulSet e && desired instanceof StatefulSet d) {
            // Scaling is owned by add, reduce and pause; the replica count and our annotations stay.
            d.getSpec().setReplicas(e.getSpec().getReplicas());
            Map<String, String> a = new HashMap<>(d.getMetadata().getAnnotations());
            if (e.getMetadata().getAnnotations() != null) {
                e.getMetadata().getAnnotations().forEach((k, v) -> {
                    if (k.equals(KubernetesNames.ANNOTATION_PAUSED) || k.equals(KubernetesNames.ANNOTATION_REPLICAS)) {
                        a.put(k, v);
                    }
                });
            }
            d.getMetadata().setAnnotations(a);
        }
    }

    static String hash(HasMetadata desired) {
        HasMetadata copy = SERIALIZATION.clone(desired);
        if (copy instanceof StatefulSet s) {
            s.getSpec().setReplicas(0); // the count is not part of what deploy owns
        }
        if (copy.getMetadata().getAnnotations() != null) {
            copy.getMetadata().getAnnotations().remove(KubernetesNames.ANNOTATION_DESIRED_HASH);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(SERIALIZATION.asJson(copy).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
