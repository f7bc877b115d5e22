package dev.br2k.infodid.sandbox;

import dev.br2k.infodid.InfoDid;
import dev.br2k.infodid.ServiceLogging;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.replication.RegistryLocationPublisher;
import dev.br2k.replication.location.FileLocationPublisher;
import dev.br2k.replication.location.LocationPublisher;
import dev.br2k.replication.location.StaleLeaderTermException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

/**
 * One InfoDID replica of the sandbox: InfoDID configured from the BR2K_* variables as
 * {@code InfoDidMain} is, whose leader publishes its URL to the location file and then to the service
 * registry ({@link RegistryLocationPublisher}, event {@code NewLocation}), so that BR2K Watch sees a new
 * leader as it happens. It signs as the sandbox's service account, an approved operator of the service:
 *
 * <ul>
 *   <li>{@value #RPC}: the chain's JSON-RPC URL</li>
 *   <li>{@value #ADDRESS}: the registry contract's address</li>
 *   <li>{@value #KEY_FILE}: a file (owner-only) with the service account's private key in hex</li>
 * </ul>
 *
 * {@code br2k sandbox up} runs it with this module's class path ({@code target/classpath.txt}, or {@code lib/infodid/}
 * of an installation), never in the CLI's JVM: jetcd needs Vert.x 4, the CLI's Kubernetes client Vert.x 5.
 */
public final class SandboxReplica {
    static final String RPC = "BR2K_REGISTRY_RPC";
    static final String ADDRESS = "BR2K_REGISTRY_ADDRESS";
    static final String KEY_FILE = "BR2K_REGISTRY_KEY_FILE";

    private SandboxReplica() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        ServiceLogging.configure(env);
        Logger log = LoggerFactory.getLogger(SandboxReplica.class);
        RegistryClient registry;
        InfoDid infodid;
        try {
            registry = RegistryClient.connect(required(env, RPC), required(env, ADDRESS),
                    Credentials.create(Files.readString(Path.of(required(env, KEY_FILE))).trim()));
            LocationPublisher publisher = publisher(new RegistryLocationPublisher(registry), env);
            infodid = InfoDid.create(config -> config.serviceName("infodid").fromEnvironment(env).locationPublisher(publisher));
            infodid.start();
        } catch (IOException | RuntimeException e) {
            System.err.println("The sandbox's InfoDID replica cannot start: " + e.getMessage());
            log.error("The sandbox's InfoDID replica cannot start: {}", e.getMessage(), e);
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infodid.close();
            registry.close();
            stopped.countDown();
        }, "infodid-shutdown"));
        log.info("InfoDID replica serving at {}; its leader publishes to the registry at {}", infodid.url(), env.get(ADDRESS));
        stopped.await();
    }

    /** Writes the location file as InfoDidMain's replicas do, then publishes to the registry; a failure of either is retried. */
    static LocationPublisher publisher(LocationPublisher registry, Map<String, String> env) {
        String file = env.get("BR2K_LOCATION_FILE");
        if (file == null || file.isBlank()) {
            return registry;
        }
        FileLocationPublisher local = new FileLocationPublisher(Path.of(file));
        return (service, url, term) -> {
            try {
                local.publish(service, url, term);
            } catch (StaleLeaderTermException e) {
                // a newer leader of the same etcd cluster wrote the file (another cluster's term would have been
                // replaced): the registry keeps its own term and decides for itself whether this leader is the newest
                LoggerFactory.getLogger(SandboxReplica.class).warn("location file {} not replaced: {}", file, e.getMessage());
            }
            registry.publish(service, url, term);
        };
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set (sandbox up sets it)");
        }
        return v;
    }
}
