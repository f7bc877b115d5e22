package dev.br2k.watch.kube;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.EtcdTls;
import dev.br2k.cluster.context.StoredContext;
import dev.br2k.cluster.context.Protocol;
import dev.br2k.cluster.context.ServiceExposure;
import dev.br2k.cluster.kubernetes.ContextStore;
import dev.br2k.cluster.kubernetes.KubernetesCluster;
import dev.br2k.cluster.kubernetes.KubernetesNames;
import dev.br2k.watch.backend.ClusterDirectory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Finds services deployed on Kubernetes through one kubeconfig context: a service is there when its
 * StatefulSet (named after the service) is in the context's namespace. Its deployment context is read back
 * from the ConfigMap {@code <svc>-context} that {@code spray} keeps ({@link ContextStore}) and checked against
 * the registry's {@code contextHash}: then the service is a {@link KubernetesCluster} the Watch scales and
 * recovers (through {@code ServiceOperations}, as for local services). Without that ConfigMap, or with one
 * that is not the registered context, it is an {@link ObservedCluster}: state and logs, and a refusal naming
 * the fix. The fabric8 client is made from the context's kubeconfig file and closed with this directory.
 */
public final class KubernetesClusterDirectory implements ClusterDirectory {

    private final KubeContext context;
    private final KubernetesClient client;
    private final Consumer<KubernetesCluster.Builder> configure;
    private final Map<String, Br2kCluster> open = new LinkedHashMap<>();

    /** Reaches each service's etcd by a port-forward to one of its pods; ADD waits for the new pod to join. */
    public KubernetesClusterDirectory(KubeContext context) {
        this(context, builder -> { });
    }

    /**
     * @param configure adjusts each service's cluster before it is built (e.g. a test points its etcd at the test's
     *                  members and does not wait for pods that no controller starts)
     */
    public KubernetesClusterDirectory(KubeContext context, Consumer<KubernetesCluster.Builder> configure) {
        this.context = Objects.requireNonNull(context, "context");
        this.configure = Objects.requireNonNull(configure, "configure");
        Config config;
        try {
            config = Config.fromKubeconfig(context.name(), context.file().toFile());
        } catch (RuntimeException e) {
            throw new KubeconfigException("Cannot use the kubeconfig context \"" + context.name() + "\" of "
                    + context.file() + ": " + e.getMessage() + ". Check it with kubectl --context " + context.name()
                    + " get pods.", e);
        }
        config.setNamespace(context.namespace());
        config.setConnectionTimeout((int) Duration.ofSeconds(5).toMillis());
        config.setRequestTimeout((int) Duration.ofSeconds(10).toMillis());
        config.setRequestRetryBackoffLimit(0);
        this.client = new KubernetesClientBuilder().withConfig(config).build();
    }

    public KubeContext context() {
        return context;
    }

    /**
     * A service found without its registry entry: observed only (its kept context cannot be checked).
     *
     * @throws ClusterException when the API server cannot be reached or refuses the request
     */
    @Override
    public Optional<Br2kCluster> cluster(String serviceName) {
        return cluster(serviceName, Optional.empty());
    }

    /**
     * @throws ClusterException when the API server cannot be reached or refuses the request; the
     *                          message names the context and what to check
     */
    @Override
    public Optional<Br2kCluster> cluster(String serviceName, Supplier<byte[]> registeredContextHash) {
        return cluster(serviceName, Optional.of(registeredContextHash));
    }

    private synchronized Optional<Br2kCluster> cluster(String serviceName, Optional<Supplier<byte[]>> registeredContextHash) {
        Br2kCluster cluster = open.get(serviceName);
        if (cluster != null) {
            return Optional.of(cluster);
        }
        StatefulSet set;
        try {
            set = client.apps().statefulSets().inNamespace(context.namespace()).withName(serviceName).get();
        } catch (KubernetesClientException e) {
            throw unreachable(serviceName, e);
        }
        if (set == null || !isBr2k(set)) {
            return Optional.empty();
        }
        String where = "context \"" + context.name() + "\", namespace " + context.namespace();
        try {
            StoredContext stored = ContextStore.read(client, context.namespace(), serviceName, context.name());
            byte[] registered = registeredContextHash.orElseThrow(() -> new ClusterException(
                    "Its registry entry was not read, so its kept context cannot be checked.")).get();
            stored.requireRegistered(registered, "ConfigMap " + context.namespace() + "/" + ContextStore.name(serviceName));
            KubernetesCluster.Builder b = KubernetesCluster.builder().client(client).stored(stored);
            configure.accept(b);
            cluster = b.build();
        } catch (KubernetesClientException e) {
            throw unreachable(serviceName, e);
        } catch (ClusterException e) {
            KubernetesCluster.Builder b = KubernetesCluster.builder().client(client).context(observed(context, serviceName, set));
            configure.accept(b);
            cluster = new ObservedCluster(b.build(), where, e.getMessage());
        }
        open.put(serviceName, cluster);
        return Optional.of(cluster);
    }

    private ClusterException unreachable(String serviceName, KubernetesClientException e) {
        return new ClusterException("Cannot read " + serviceName + " through the Kubernetes context \"" + context.name()
                + "\" (" + (context.server().isEmpty() ? "no server" : context.server()) + ", namespace "
                + context.namespace() + "): " + describe(e) + ". Check that the cluster is reachable and the context's "
                + "credentials are valid (kubectl --context " + context.name() + " get statefulsets).", e);
    }

    private static boolean isBr2k(StatefulSet set) {
        return set.getSpec() != null && set.getSpec().getTemplate() != null && set.getSpec().getTemplate().getSpec() != null
                && set.getSpec().getTemplate().getSpec().getContainers().stream()
                .anyMatch(c -> KubernetesNames.SERVICE_CONTAINER.equals(c.getName()));
    }

    /**
     * What the Watch knows of a running deployment: the names, namespace, service port, images, mount
     * paths and replica count read from its StatefulSet when its kept context is missing or not the
     * registered one; enough to read state and logs, not to re-apply the objects (so it is observed only).
     */
    static DeploymentContext observed(KubeContext kube, String service, StatefulSet set) {
        List<Container> containers = set.getSpec().getTemplate().getSpec().getContainers();
        Optional<Container> svc = containers.stream().filter(c -> KubernetesNames.SERVICE_CONTAINER.equals(c.getName())).findFirst();
        Optional<Container> etcd = containers.stream().filter(c -> KubernetesNames.ETCD_CONTAINER.equals(c.getName())).findFirst();
        int port = svc.map(Container::getPorts).flatMap(p -> p == null ? Optional.empty() : p.stream().findFirst())
                .map(ContainerPort::getContainerPort).orElse(8080);
        String statePath = svc.flatMap(c -> mount(c, KubernetesNames.STATE_VOLUME)).orElse("/br2k/state");
        String etcdPath = etcd.flatMap(c -> mount(c, KubernetesNames.ETCD_VOLUME)).orElse("/br2k/etcd");
        int replicas = set.getSpec().getReplicas() == null ? 1 : Math.max(1, set.getSpec().getReplicas());
        return new DeploymentContext(kube.name(), service, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.of(kube.name()), kube.namespace(), Map.of(), 1, Protocol.HTTP, List.of(), port, statePath, etcdPath,
                svc.map(Container::getImage).orElse("unknown"),
                etcd.map(Container::getImage).orElse(DeploymentContext.DEFAULT_ETCD_IMAGE),
                Math.min(replicas, 99), 99, "1Gi", Optional.empty(), Optional.empty(), ServiceExposure.CLUSTER_IP, Optional.empty(), List.of(),
                Optional.empty(), EtcdTls.NONE);
    }

    private static Optional<String> mount(Container c, String volume) {
        return c.getVolumeMounts() == null ? Optional.empty()
                : c.getVolumeMounts().stream().filter(m -> volume.equals(m.getName())).map(VolumeMount::getMountPath).findFirst();
    }

    private static String describe(KubernetesClientException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = e.getCode() > 0 ? "the API server answered " + e.getCode() : root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : " " + root.getMessage());
        return what;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Br2kCluster::close);
        open.clear();
        client.close();
    }
}
