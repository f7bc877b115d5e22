package dev.br2k.cluster.kubernetes;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Finds pods on lost nodes: a node whose Ready condition has not been True for longer than a grace period.
 * Its kubelet reports nothing more, so the pod stays Terminating with the statuses it last had and the
 * StatefulSet controller never replaces it (it waits for the pod to be gone, and only the kubelet or a
 * force delete removes it).
 */
final class LostNodes {

    /** How long a node may be NotReady before its pods count as lost (the kubelet's own eviction waits 5 minutes). */
    static final Duration GRACE = Duration.ofMinutes(5);

    private final KubernetesClient client;

    LostNodes(KubernetesClient client) {
        this.client = client;
    }

    /** The reason the pod's node is lost ("node n NotReady (Unknown) since t"), if it is. */
    Optional<String> lostNode(Pod pod, Instant now) {
        String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        if (nodeName == null || nodeName.isEmpty()) {
            return Optional.empty();
        }
        Node node;
        try {
            node = client.nodes().withName(nodeName).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return Optional.empty(); // this account may not read nodes: nothing to judge by
            }
            throw e;
        }
        if (node == null) {
            return Optional.of("node " + nodeName + " is gone");
        }
        Optional<NodeCondition> ready = node.getStatus() == null || node.getStatus().getConditions() == null ? Optional.empty()
                : node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst();
        if (ready.isEmpty() || "True".equals(ready.get().getStatus())) {
            return Optional.empty();
        }
        Instant since = parse(ready.get().getLastTransitionTime()).orElse(now);
        if (Duration.between(since, now).compareTo(GRACE) < 0) {
            return Optional.empty();
        }
        return Optional.of("node " + nodeName + " NotReady (" + ready.get().getStatus() + ") since " + since);
    }

    /** Whether the claim's volume lives on one node (a local or hostPath volume, or one pinned by node affinity). */
    boolean nodeLocal(String namespace, String claimName) {
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(namespace).withName(claimName).get();
        if (claim == null || claim.getSpec() == null || claim.getSpec().getVolumeName() == null) {
            return false;
        }
        PersistentVolume volume;
        try {
            volume = client.persistentVolumes().withName(claim.getSpec().getVolumeName()).get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                return false;
            }
            throw e;
        }
        return volume != null && volume.getSpec() != null && (volume.getSpec().getLocal() != null
                || volume.getSpec().getHostPath() != null
                || (volume.getSpec().getNodeAffinity() != null && volume.getSpec().getNodeAffinity().getRequired() != null));
    }

    private static Optional<Instant> parse(String time) {
        try {
            return time == null ? Optional.empty() : Optional.of(Instant.parse(time));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
