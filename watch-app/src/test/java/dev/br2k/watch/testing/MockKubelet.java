package dev.br2k.watch.testing;

import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.kubernetes.KubernetesNames;
import dev.br2k.protocol.Role;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What fabric8's mock API server lacks for a StatefulSet: its controller and the kubelet. Every 200 ms it makes
 * the pods {@code <sts>-0 … <sts>-(n-1)} exist, as the StatefulSet's replica count says, Running with every
 * container of the pod template ready, and deletes the ones above; a deleted pod comes back as a new pod (a new
 * uid). The pods answer {@code /br2k/status} through {@link #status}: the first is the leader, the others follow
 * it. {@link #crashLoop} makes a pod's service container crash-loop until the pod is replaced.
 */
public final class MockKubelet implements AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final String statefulSet;
    private final Set<String> crashing = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> created = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mock-kubelet");
        t.setDaemon(true);
        return t;
    });

    public MockKubelet(KubernetesClient client, String namespace, String statefulSet) {
        this.client = client;
        this.namespace = namespace;
        this.statefulSet = statefulSet;
        loop.scheduleWithFixedDelay(this::reconcileQuietly, 0, 200, TimeUnit.MILLISECONDS);
    }

    /** The service container of {@code pod} crash-loops (CrashLoopBackOff) until the pod is deleted. */
    public void crashLoop(String pod) {
        crashing.add(pod);
    }

    /** How many times {@code pod} has been created (a pod deleted and made again counts twice). */
    public int incarnations(String pod) {
        return created.getOrDefault(pod, 0);
    }

    /** What {@code pod}'s {@code /br2k/status} answers: empty while it has no running pod. */
    public Optional<ReplicaStatus> status(String ns, String pod, int port) {
        Pod p = client.pods().inNamespace(ns).withName(pod).get();
        if (p == null || crashing.contains(pod)) {
            return Optional.empty();
        }
        String leader = statefulSet + "-0";
        Role role = pod.equals(leader) ? Role.LEADER : Role.FOLLOWER;
        return Optional.of(new ReplicaStatus(pod, role, 0, 0, 0, 1, Optional.of(leader),
                Optional.of("http://" + leader + "." + statefulSet + "-peers." + ns + ".svc:" + port), Optional.empty()));
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            // the API server is starting or stopping; the next round tries again
        }
    }

    private void reconcile() {
        StatefulSet sts = client.apps().statefulSets().inNamespace(namespace).withName(statefulSet).get();
        int replicas = sts == null || sts.getSpec().getReplicas() == null ? 0 : sts.getSpec().getReplicas();
        Map<String, Pod> pods = new java.util.HashMap<>();
        client.pods().inNamespace(namespace).list().getItems().forEach(p -> pods.put(p.getMetadata().getName(), p));
        for (int i = 0; i < replicas; i++) {
            String name = statefulSet + "-" + i;
            Pod existing = pods.get(name);
            if (existing == null) {
                crashing.remove(name);
                client.resource(pod(sts, name, false)).inNamespace(namespace).create();
                created.merge(name, 1, Integer::sum);
            } else if (crashing.contains(name) && !isCrashLooping(existing)) {
                Pod crashed = pod(sts, name, true);
                client.pods().inNamespace(namespace).withName(name).edit(p -> {
                    p.setStatus(crashed.getStatus());
                    return p;
                });
            }
        }
        for (String name : pods.keySet()) {
            Optional<Integer> ordinal = ordinal(name);
            if (ordinal.isPresent() && ordinal.get() >= replicas) {
                client.pods().inNamespace(namespace).withName(name).delete();
            }
        }
    }

    private Optional<Integer> ordinal(String pod) {
        String prefix = statefulSet + "-";
        if (!pod.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(pod.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isCrashLooping(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
                && pod.getStatus().getContainerStatuses().stream().anyMatch(c -> c.getState() != null
                && c.getState().getWaiting() != null && "CrashLoopBackOff".equals(c.getState().getWaiting().getReason()));
    }

    private Pod pod(StatefulSet sts, String name, boolean serviceCrashLoops) {
        var template = sts.getSpec().getTemplate();
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(template.getMetadata().getLabels()).endMetadata()
                .withSpec(template.getSpec());
        var status = pod.withNewStatus().withPhase("Running");
        for (var c : template.getSpec().getContainers()) {
            boolean crash = serviceCrashLoops && c.getName().equals(KubernetesNames.SERVICE_CONTAINER);
            var cs = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withReady(!crash)
                    .withRestartCount(crash ? 3 : 0).withNewState();
            status.addToContainerStatuses((crash ? cs.withNewWaiting().withReason("CrashLoopBackOff").endWaiting()
                    : cs.withNewRunning().withStartedAt("2026-12-07T00:00:00Z").endRunning()).endState().build());
        }
        return status.endStatus().build();
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
