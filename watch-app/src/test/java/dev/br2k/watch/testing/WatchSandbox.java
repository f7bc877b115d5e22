package dev.br2k.watch.testing;

import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.local.LaunchSpec;
import dev.br2k.cluster.local.LocalCluster;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceRegistration;
import dev.br2k.registry.crypto.KeystoreStrength;
import dev.br2k.registry.crypto.Keystores;
import dev.br2k.registry.replication.RegistryLocationPublisher;
import dev.br2k.replication.location.LeaderTerm;
import dev.br2k.watch.WatchServices;
import dev.br2k.watch.backend.KeystoreUnlocker;
import dev.br2k.watch.backend.RegistryClientGateway;
import dev.br2k.watch.login.Profile;
import dev.br2k.watch.login.ProfileStore;
import dev.br2k.watch.task.TaskExecutor;
import dev.br2k.testkit.Anvil;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Real components for the Watch's tests and screenshots: a ServiceRegistry deployed on anvil, the
 * service {@code kv} registered by account 0 and running as a {@link LocalCluster} of the sample
 * KvService, a registry-only service {@code ledger} of account 0, a service {@code other-team} of
 * account 1 (which the Watch must not list for account 0), and account 0's key in a V3 keystore.
 */
public final class WatchSandbox implements AutoCloseable {

    public static final String SERVICE = "kv";
    public static final String PASSWORD = "correct horse battery staple";

    private final Anvil anvil;
    private final Path dir;
    private final RegistryClient manager;
    private final Path keystore;
    private final LocalCluster cluster;

    private WatchSandbox(Anvil anvil, Path dir, RegistryClient manager, Path keystore, LocalCluster cluster) {
        this.anvil = anvil;
        this.dir = dir;
        this.manager = manager;
        this.keystore = keystore;
        this.cluster = cluster;
    }

    /** Deploys everything; {@code replicas} of at most {@code maxReplicas} for {@code kv}. */
    public static WatchSandbox start(Anvil anvil, Path dir, int replicas, int maxReplicas) {
        RegistryClient manager = RegistryClient.builder().rpcUrl(anvil.rpcUrl()).credentials(anvil.account(0))
                .pollingInterval(Duration.ofMillis(300)).deploy();
        manager.register(ServiceRegistration.builder(SERVICE).description("Key-value store (sample service)")
                .replicas(replicas, maxReplicas).build());
        manager.register(ServiceRegistration.builder("ledger").description("Audit ledger, deployed on Kubernetes")
                .location("https://ledger.example.org").replicas(3, 5).build());
        try (RegistryClient other = RegistryClient.connect(anvil.rpcUrl(), manager.registryAddress(), anvil.account(1))) {
            other.register(ServiceRegistration.builder("other-team").description("Someone else's service").replicas(1, 3).build());
        }
        Path keystore = Keystores.write(dir.resolve("keystore"), PASSWORD, anvil.account(0).getEcKeyPair(), KeystoreStrength.LIGHT);
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
        LaunchSpec launch = LaunchSpec.java("dev.br2k.replication.sample.KvService", classpath,
                List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"))
                .withEnv(Map.of("BR2K_ROLE_CHECK_MILLIS", "200"));
        LocalCluster cluster = LocalCluster.builder().baseDir(dir.resolve("clusters")).service(SERVICE).launch(launch)
                .maxReplicas(maxReplicas).startTimeout(Duration.ofSeconds(120)).build();
        try {
            cluster.deploy(replicas, ProgressListener.NONE);
        } catch (RuntimeException e) { // the replicas that did start are local processes: stop them, as close() does
            try {
                cluster.destroy(ProgressListener.NONE);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            cluster.close();
            manager.close();
            throw e;
        }
        WatchSandbox sandbox = new WatchSandbox(anvil, dir, manager, keystore, cluster);
        sandbox.publishLeaderLocation();
        manager.setRunState(ServiceId.ofName(SERVICE), RunState.RUNNING);
        return sandbox;
    }

    /** What the service's leader does when it takes over: publish its URL in the registry. */
    public String publishLeaderLocation() {
        String url = cluster.state().leader().flatMap(ReplicaState::status).flatMap(s -> s.leaderUrl())
                .orElse("http://127.0.0.1:18080");
        publishLocation(url);
        return url;
    }

    /** Each simulated takeover comes later than the one before, as a real leader's etcd revision does. */
    private final java.util.concurrent.atomic.AtomicLong publications = new java.util.concurrent.atomic.AtomicLong();

    public void publishLocation(String url) {
        try {
            new RegistryLocationPublisher(manager).publish(SERVICE, URI.create(url), new LeaderTerm(0x5eedL, 2, publications.incrementAndGet()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WatchServices services(TaskExecutor executor, Duration cancelWindow) {
        return new WatchServices(executor, new ProfileStore(dir.resolve("config/watch-profiles.json")), KeystoreUnlocker.V3,
                RegistryClientGateway.connector(), WatchServices::localClusters, cancelWindow);
    }

    public Profile profile() {
        return new Profile("sandbox", anvil.rpcUrl(), manager.registryAddress(), keystore.toString(),
                dir.resolve("clusters").toString());
    }

    public ServiceId serviceId() {
        return ServiceId.ofName(SERVICE);
    }

    public Anvil anvil() {
        return anvil;
    }

    public RegistryClient manager() {
        return manager;
    }

    public LocalCluster cluster() {
        return cluster;
    }

    public Path keystore() {
        return keystore;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try {
            cluster.destroy(ProgressListener.NONE);
        } finally {
            cluster.close();
            manager.close();
        }
    }
}
