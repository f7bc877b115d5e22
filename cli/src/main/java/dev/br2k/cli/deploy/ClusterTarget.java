package dev.br2k.cli.deploy;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.context.Contexts;
import dev.br2k.cli.home.ContextEntry;
import dev.br2k.cli.home.ContextKind;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.cli.project.ProjectFile;
import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.context.DeploymentContext;
import dev.br2k.cluster.context.KubeconfigMapping;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.cluster.kubernetes.KubernetesCluster;
import dev.br2k.cluster.local.LaunchSpec;
import dev.br2k.cluster.local.LocalCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster a command acts on, from a context: a {@link LocalCluster} (processes on this machine) or
 * a {@link KubernetesCluster}. Closing it releases the clients; the service keeps running.
 */
public final class ClusterTarget implements AutoCloseable {
    private final ContextEntry entry;
    private final Br2kCluster cluster;
    private final AutoCloseable[] resources;

    ClusterTarget(ContextEntry entry, Br2kCluster cluster, AutoCloseable... resources) {
        this.entry = entry;
        this.cluster = cluster;
        this.resources = resources;
    }

    /** The cluster of the options; a {@code --kube-context} one is checked against the current service registry, if any. */
    public static ClusterTarget open(Common common, ClusterOptions options) {
        var config = common.home().config();
        return open(common, options, config.currentServiceRegistry().flatMap(config::serviceRegistry));
    }

    /**
     * The cluster of the options; with {@code --kube-context} its deployment context is read from the namespace and,
     * when {@code registry} is given, must hash to the registry's {@code contextHash}.
     */
    public static ClusterTarget open(Common common, ClusterOptions options, Optional<ServiceRegistryEntry> registry) {
        if (options.kubeContext != null) {
            return KeptContextTarget.open(common, options, registry);
        }
        if (options.service != null || options.namespace != null) {
            throw new CliException(ExitCode.USAGE, "--service and --namespace go with --kube-context; a BR2K context names its own");
        }
        ContextEntry entry = Contexts.select(common.home(), options.context);
        if (entry.kind() == ContextKind.LOCAL) {
            String service = entry.service().orElseThrow();
            var baseDir = entry.baseDir().orElseThrow();
            if (LocalCluster.exists(baseDir, service)) {
                return new ClusterTarget(entry, LocalCluster.open(baseDir, service));
            }
            if (!Files.exists(options.project.resolve(ProjectFile.FILE_NAME))) {
                return new ClusterTarget(entry, LocalCluster.builder().baseDir(baseDir).service(service).build());
            }
            ProjectFile project = ProjectFile.read(options.project);
            if (!project.service().equals(service)) {
                throw CliException.badFile("the project in " + project.dir() + " is service \"" + project.service()
                        + "\", but context \"" + entry.name() + "\" is for \"" + service + "\"");
            }
            LaunchSpec launch = LaunchSpec.java(project.mainClass(), project.resolvedClasspath(), project.jvmArgs())
                    .withEnv(Map.of("BR2K_SERVICE", service));
            return new ClusterTarget(entry, LocalCluster.builder().baseDir(baseDir).service(service).launch(launch)
                    .maxReplicas(project.maxReplicas()).build());
        }
        DeploymentContext ctx = Contexts.deployment(entry);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeconfigMapping.clientConfig(ctx)).build();
        KubernetesCluster.Builder b = KubernetesCluster.builder().client(client).context(ctx)
                .joinTimeout(Duration.ofSeconds(options.joinTimeoutSeconds));
        EtcdGateway etcd = null;
        if (!options.etcd.isEmpty()) {
            etcd = EtcdGateway.of(options.etcd);
            b.etcd(etcd);
        }
        return new ClusterTarget(entry, b.build(), etcd, client);
    }

    public Br2kCluster cluster() {
        return cluster;
    }

    public ContextEntry entry() {
        return entry;
    }

    /** A one-line description for progress output. */
    public String describe() {
        return cluster.service() + " on context \"" + entry.name() + "\" (" + entry.kind().label() + ")";
    }

    /** Runs an operation, turning cluster failures into messages a person can act on. */
    public <T> T run(String what, java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ClusterException e) {
            throw CliException.failed(what + " failed: " + e.getMessage(), e);
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            throw CliException.unreachable(what + " failed: the Kubernetes API answered " + e.getCode() + ": " + e.getMessage()
                    + " (check the context with 'br2k test')", e);
        }
    }

    @Override
    public void close() {
        cluster.close();
        for (AutoCloseable r : resources) {
            if (r != null) {
                try {
                    r.close();
                } catch (Exception e) {
                    // closing clients: nothing to do about a failure
                }
            }
        }
    }
}
