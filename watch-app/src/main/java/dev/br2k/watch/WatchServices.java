package dev.br2k.watch;

import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.backend.KeystoreUnlocker;
import dev.br2k.watch.backend.LocalClusterDirectory;
import dev.br2k.watch.backend.RegistryClientGateway;
import dev.br2k.watch.backend.RegistryConnector;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.ProfileStore;
import dev.br2k.watch.task.TaskExecutor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

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
 */
public record WatchServices(TaskExecutor executor, ProfileStore profiles, KeystoreUnlocker unlocker,
                            RegistryConnector connector, Function<Profile, ClusterDirectory> clusters,
                            Duration cancelWindow) {

    public static final Duration DEFAULT_CANCEL_WINDOW = Duration.ofSeconds(5);

    public WatchServices {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(unlocker, "unlocker");
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(clusters, "clusters");
        Objects.requireNonNull(cancelWindow, "cancelWindow");
    }

    public static WatchServices production(TaskExecutor executor) {
        return new WatchServices(executor, ProfileStore.inUserConfig(), KeystoreUnlocker.V3,
                RegistryClientGateway.connector(), WatchServices::localClusters, DEFAULT_CANCEL_WINDOW);
    }

    /** The local clusters under the profile's cluster directory, or none. */
    public static ClusterDirectory localClusters(Profile profile) {
        return profile.clusterDir().isBlank() ? ClusterDirectory.NONE : new LocalClusterDirectory(Path.of(profile.clusterDir()));
    }
}
