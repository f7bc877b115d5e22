package dev.br2k.watch;

import dev.br2k.watch.backend.ClusterDirectories;
import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.backend.KeystoreUnlocker;
import dev.br2k.watch.backend.LocalClusterDirectory;
import dev.br2k.watch.backend.RegistryClientGateway;
import dev.br2k.watch.backend.RegistryConnector;
import dev.br2k.watch.kube.KubeContext;
import dev.br2k.watch.kube.KubeconfigException;
import dev.br2k.watch.kube.Kubeconfigs;
import dev.br2k.watch.kube.KubernetesClusterDirectory;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.ProfileStore;
import dev.br2k.watch.task.TaskExecutor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the Watch's ViewModels are built from: the composition root. The app uses {@link #production};
 * tests and the screenshot command build their own (a profile file in a temporary directory, a
 * short cancel window, clusters they started).
 *
 * @param executor     the one background executor
 * @param profiles     where log-in profiles are remembered
 * @param unlocker     opens keystores
 * @param connector    opens the registry
 * @param clusters     finds the clusters a profile can reach
 * @param cancelWindow how long ADD / REDUCE wait so that they can be cancelled
 * @param kubeconfigs  reads the kubeconfig contexts the log-in screen offers
 */
public record WatchServices(TaskExecutor executor, ProfileStore profiles, KeystoreUnlocker unlocker,
                            RegistryConnector connector, Function<Profile, ClusterDirectory> clusters,
                            Duration cancelWindow, Supplier<Kubeconfigs> kubeconfigs) {

    public static final Duration DEFAULT_CANCEL_WINDOW = Duration.ofSeconds(5);

    public WatchServices {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(unlocker, "unlocker");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(cancelWindow, "cancelWindow");
        Objects.requireNonNull(kubeconfigs, "kubeconfigs");
    }

    /** Services whose log-in screen lists the contexts of this environment's kubeconfig. */
    public WatchServices(TaskExecutor executor, ProfileStore profiles, KeystoreUnlocker unlocker,
                         RegistryConnector connector, Function<Profile, ClusterDirectory> clusters, Duration cancelWindow) {
        this(executor, profiles, unlocker, connector, clusters, cancelWindow, Kubeconfigs::fromEnvironment);
    }

    public static WatchServices production(TaskExecutor executor) {
        return new WatchServices(executor, ProfileStore.inUserConfig(), KeystoreUnlocker.V3,
                RegistryClientGateway.connector(), profile -> clusters(profile, Kubeconfigs.fromEnvironment()),
                DEFAULT_CANCEL_WINDOW, Kubeconfigs::fromEnvironment);
    }

    /**
     * The clusters a profile reaches: the local ones under its cluster directory, then those of its
     * kubeconfig context.
     *
     * @throws KubeconfigException when the profile names a context the kubeconfig files lack
     */
    public static ClusterDirectory clusters(Profile profile, Kubeconfigs kubeconfigs) {
        if (profile.kubeContext().isBlank()) {
            return localClusters(profile);
        }
        KubeContext context = kubeconfigs.context(profile.kubeContext()).orElseThrow(() -> new KubeconfigException(
                "The Kubernetes context \"" + profile.kubeContext() + "\" is not in " + (kubeconfigs.files().isEmpty()
                        ? "any kubeconfig ($KUBECONFIG or ~/.kube/config)" : kubeconfigs.files().toString())
                        + ". Choose another context, or None for local clusters only."));
        return new ClusterDirectories(List.of(localClusters(profile), new KubernetesClusterDirectory(context)));
    }

    /** The local clusters under the profile's cluster directory, or none. */
    public static ClusterDirectory localClusters(Profile profile) {
        return profile.clusterDir().isBlank() ? ClusterDirectory.NONE : new LocalClusterDirectory(Path.of(profile.clusterDir()));
    }
}
