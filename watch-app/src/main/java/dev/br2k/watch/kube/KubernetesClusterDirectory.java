package dev.br2k.watch.kube;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.EtcdTls;
import dev.br2k.cluster.context.Protocol;
import dev.br2k.cluster.context.ServiceExposure;
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

/**
 * Finds services deployed on Kubernetes through one kubeconfig context: a service is there when its
 * StatefulSet (named after the service) is in the context's namespace. Each is a
 * {@link KubernetesCluster} for state and logs, wrapped in an {@link ObservedCluster} (see there why
 * it does not scale or recover). The fabric8 client is made from the context's kubeconfig file and
 * closed with this directory.
 */
public final class KubernetesClusterDirectory implements ClusterDirectory {

    private final KubeContext context;
    private final KubernetesClient client;
    private final Map<String, Br2kCluster> open = new LinkedHashMap<>();

    public KubernetesClusterDirectory(KubeContext context) {
        this.context = Objects.requireNonNull(context, "context");
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
     * @throws ClusterException when the API server cannot be reached or refuses the request; the
     *                          message names the context and what to check
     */
    @Override
    public synchronized Optional<Br2kCluster> cluster(String serviceName) {
        Br2kCluster cluster = open.get(serviceName);
        if (cluster != null) {
            return Optional.of(cluster);
        }
        StatefulSet set;
        try {
            set = client.apps().statefulSets().inNamespace(context.namespace()).withName(serviceName).get();
        } catch (KubernetesClientException e) {
            throw new ClusterException("Cannot read " + serviceName + " through the Kubernetes context \"" + context.name()
                    + "\" (" + (context.server().isEmpty() ? "no server" : context.server()) + ", namespace "
                    + context.namespace() + "): " + describe(e) + ". Check that the cluster is reachable and the context's "
                    + "credentials are valid (kubectl --context " + context.name() + " get statefulsets).", e);
        }
        if (set == null || !isBr2k(set)) {
            return Optional.empty();
        }
        DeploymentContext ctx = observed(context, serviceName, set);
        cluster = new ObservedCluster(KubernetesCluster.builder().client(client).context(ctx).build(),
                "context \"" + context.name() + "\", namespace " + context.namespace());
        open.put(serviceName, cluster);
        return Optional.of(cluster);
    }

    private static boolean isBr2k(StatefulSet set) {
        return set.getSpec() != null && set.getSpec().getTemplate() != null && set.getSpec().getTemplate().getSpec() != null
                && set.getSpec().getTemplate().getSpec().getContainers().stream()
                .anyMatch(c -> KubernetesNames.SERVICE_CONTAINER.equals(c.getName()));
    }

    /**
     * What the Watch knows of a running deployment: the names, namespace, service port, images, mount
     * paths and replica count read from its StatefulSet; enough to read state and logs, not to re-apply
     * the objects (which is why the cluster is observed only).
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
                Math.min(replicas, 99), 99, "1Gi", Optional.empty(), ServiceExposure.CLUSTER_IP, Optional.empty(), List.of(),
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
