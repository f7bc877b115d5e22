package dev.br2k.robustness.registry;

import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.replication.RegistryLocationPublisher;
import dev.br2k.replication.sample.KvService;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.web3j.crypto.Credentials;

/**
 * The runtime's sample KvService, publishing its location in the service registry when it leads:
 * the BR2K_* variables of the runtime plus BR2K_REGISTRY_RPC, BR2K_REGISTRY_ADDRESS and
 * BR2K_REGISTRY_KEY (the service account's private key; the experiment's dev chain only).
 */
public final class RegistryKvService {
    private RegistryKvService() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "br2k-sample-logback.xml");
        }
        Map<String, String> env = System.getenv();
        RegistryClient registry = registry(env);
        KvService service = KvService.create(config -> config.fromEnvironment(env)
                .locationPublisher(new RegistryLocationPublisher(registry))).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            registry.close();
            stopped.countDown();
        }, "kv-shutdown"));
        stopped.await();
    }

    /** A registry client signing as the service account, from the BR2K_REGISTRY_* variables. */
    static RegistryClient registry(Map<String, String> env) {
        return RegistryClient.builder().rpcUrl(required(env, "BR2K_REGISTRY_RPC"))
                .registryAddress(required(env, "BR2K_REGISTRY_ADDRESS"))
                .credentials(Credentials.create(required(env, "BR2K_REGISTRY_KEY"))).build();
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("RegistryKvService needs " + name);
        }
        return v;
    }
}
