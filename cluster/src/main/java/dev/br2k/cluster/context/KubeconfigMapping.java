package dev.br2k.cluster.context;

import dev.br2k.cluster.ClusterException;
import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import io.fabric8.kubernetes.api.model.ClusterBuilder;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.ContextBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a {@link DeploymentContext} onto kubeconfig conventions: a cluster, a user and a context, all
 * named after the deployment context, the context carrying the namespace. Pure functions, plus
 * {@link #mergeInto} which updates a kubeconfig file in place.
 */
public final class KubeconfigMapping {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private KubeconfigMapping() {
    }

    /**
     * The kubeconfig entries for a context given with {@code apiServer}. A context that names an
     * existing {@code kubeconfigContext} has none: it is used as it is.
     */
    public static Config toKubeconfig(DeploymentContext ctx) {
        String server = ctx.apiServer().orElseThrow(() -> new ClusterException("Context " + ctx.name()
                + " uses the existing kubeconfig context " + ctx.kubeconfigContext().orElse("?")
                + "; there is nothing to write into a kubeconfig."));
        NamedCluster cluster = new NamedClusterBuilder().withName(ctx.name())
                .withCluster(new ClusterBuilder()
                        .withServer(server)
                        .withCertificateAuthority(ctx.certificateAuthority().map(Path::toString).orElse(null))
                        .withInsecureSkipTlsVerify(ctx.insecureSkipTlsVerify() ? Boolean.TRUE : null)
                        .build())
                .build();
        NamedAuthInfo user = new NamedAuthInfoBuilder().withName(ctx.name())
                .withUser(new AuthInfoBuilder().withToken(ctx.token().orElse(null)).build())
                .build();
        NamedContext context = new NamedContextBuilder().withName(ctx.name())
                .withContext(new ContextBuilder().withCluster(ctx.name()).withUser(ctx.name())
                        .withNamespace(ctx.namespace()).build())
                .build();
        return new ConfigBuilder().withApiVersion("v1").withKind("Config")
                .withClusters(cluster).withUsers(user).withContexts(context)
                .withCurrentContext(ctx.name())
                .build();
    }

    /** A fabric8 client configuration for the context. */
    public static io.fabric8.kubernetes.client.Config clientConfig(DeploymentContext ctx) {
        if (ctx.apiServer().isPresent()) {
            return new io.fabric8.kubernetes.client.ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                    .withMasterUrl(ctx.apiServer().get())
                    .withOauthToken(ctx.token().orElse(null))
                    .withCaCertFile(ctx.certificateAuthority().map(Path::toString).orElse(null))
                    .withTrustCerts(ctx.insecureSkipTlsVerify())
                    .withDisableHostnameVerification(ctx.insecureSkipTlsVerify())
                    .withNamespace(ctx.namespace())
                    .build();
        }
        io.fabric8.kubernetes.client.Config config =
                io.fabric8.kubernetes.client.Config.autoConfigure(ctx.kubeconfigContext().orElse(null));
        config.setNamespace(ctx.namespace());
        return config;
    }

    /**
     * Adds the context's cluster, user and context to the kubeconfig file (created when missing),
     * replacing entries of the same name and keeping every other entry. Sets the current context
     * only when {@code makeCurrent}.
     */
    public static void mergeInto(Path kubeconfig, DeploymentContext ctx, boolean makeCurrent) {
        Config add = toKubeconfig(ctx);
        try {
            Config existing = Files.exists(kubeconfig)
                    ? SERIALIZATION.unmarshal(Files.readString(kubeconfig, StandardCharsets.UTF_8), Config.class)
                    : new ConfigBuilder().withApiVersion("v1").withKind("Config").build();
            List<NamedCluster> clusters = new ArrayList<>(existing.getClusters() == null ? List.of() : existing.getClusters());
            clusters.removeIf(c -> c.getName().equals(ctx.name()));
            clusters.addAll(add.getClusters());
            List<NamedAuthInfo> users = new ArrayList<>(existing.getUsers() == null ? List.of() : existing.getUsers());
            users.removeIf(u -> u.getName().equals(ctx.name()));
            users.addAll(add.getUsers());
            List<NamedContext> contexts = new ArrayList<>(existing.getContexts() == null ? List.of() : existing.getContexts());
            contexts.removeIf(c -> c.getName().equals(ctx.name()));
            contexts.addAll(add.getContexts());
            Config merged = new ConfigBuilder(existing).withClusters(clusters).withUsers(users).withContexts(contexts)
                    .withCurrentContext(makeCurrent || existing.getCurrentContext() == null
                            ? ctx.name() : existing.getCurrentContext())
                    .build();
            Path dir = kubeconfig.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".kubeconfig", ".tmp");
            Files.writeString(tmp, SERIALIZATION.asYaml(merged), StandardCharsets.UTF_8);
            Files.move(tmp, kubeconfig, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClusterException("Could not update the kubeconfig " + kubeconfig + ": " + e.getMessage()
                    + ". Check that the file is writable.", e);
        }
    }
}
