package dev.br2k.cli.deploy;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.chain.ServiceRegistries;
import dev.br2k.cli.home.ContextEntry;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.context.StoredContext;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.cluster.kubernetes.ContextStore;
import dev.br2k.cluster.kubernetes.KubernetesCluster;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A Kubernetes service reached from any machine with a kubeconfig ({@code --kube-context}, {@code --namespace},
 * {@code --service}): its deployment context is the one {@code spray} kept in ConfigMap {@code <svc>-context},
 * checked against the registry's {@code contextHash} when a registry is in use.
 */
final class KeptContextTarget {
    private KeptContextTarget() {
    }

    static ClusterTarget open(Common common, ClusterOptions options, Optional<ServiceRegistryEntry> registry) {
        if (options.service == null) {
            throw new CliException(ExitCode.USAGE, "--kube-context needs --service NAME: the service to act on");
        }
        Path kubeconfig = kubeconfig(common);
        Config config;
        try {
            config = Config.fromKubeconfig(options.kubeContext, kubeconfig.toFile());
        } catch (Exception e) {
            throw CliException.notConfigured("cannot use the kubeconfig context \"" + options.kubeContext + "\" of " + kubeconfig
                    + ": " + e.getMessage() + " (check it with kubectl --context " + options.kubeContext + " get pods)");
        }
        String namespace = options.namespace != null ? options.namespace
                : config.getNamespace() != null ? config.getNamespace() : "default";
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        EtcdGateway etcd = null;
        try {
            StoredContext stored = ContextStore.read(client, namespace, options.service, options.kubeContext);
            String where = "ConfigMap " + namespace + "/" + ContextStore.name(options.service);
            if (registry.isPresent()) {
                stored.requireRegistered(registeredHash(registry.get(), options.service), where);
            } else {
                common.progress("No service registry is in use: the context kept in " + where + " is not checked against a contextHash.");
            }
            KubernetesCluster.Builder b = KubernetesCluster.builder().client(client).stored(stored)
                    .joinTimeout(Duration.ofSeconds(options.joinTimeoutSeconds));
            if (!options.etcd.isEmpty()) {
                etcd = EtcdGateway.of(options.etcd);
                b.etcd(etcd);
            }
            return new ClusterTarget(ContextEntry.kubernetes(options.kubeContext, kubeconfig), b.build(), etcd, client);
        } catch (ClusterException e) {
            client.close();
            throw CliException.notConfigured(e.getMessage());
        } catch (KubernetesClientException e) {
            client.close();
            throw CliException.unreachable("reading " + options.service + " through the kubeconfig context \"" + options.kubeContext
                    + "\" failed: the Kubernetes API answered " + e.getCode() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] registeredHash(ServiceRegistryEntry entry, String service) {
        try (RegistryClient client = ServiceRegistries.connect(entry, null)) {
            ServiceInfo info = client.findService(ServiceId.ofName(service)).orElseThrow(() -> CliException.notConfigured(
                    service + " is not registered on " + entry.address() + ", so the context kept beside it cannot be checked:"
                            + " register it ('br2k register --context NAME'), or pass --no-registry"));
            return info.details().contextHash();
        } catch (RegistryException e) {
            throw CliException.unreachable("reading " + service + "'s contextHash from " + entry.rpcUrl() + " failed: " + e.getMessage(), e);
        }
    }

    private static Path kubeconfig(Common common) {
        String env = common.env().get("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(java.io.File.pathSeparator)[0]);
        }
        return Path.of(common.env().getOrDefault("HOME", System.getProperty("user.home")), ".kube", "config");
    }
}
