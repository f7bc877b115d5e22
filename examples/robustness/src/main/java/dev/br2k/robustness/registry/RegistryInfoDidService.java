package dev.br2k.robustness.registry;

import dev.br2k.infodid.InfoDid;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.replication.RegistryLocationPublisher;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.web3j.crypto.Credentials;

/**
 * The InfoDID sample, publishing its location in the service registry when it leads: the BR2K_*
 * variables plus BR2K_REGISTRY_RPC, BR2K_REGISTRY_ADDRESS and BR2K_REGISTRY_KEY, as {@link RegistryKvService}.
 */
public final class RegistryInfoDidService {
    private RegistryInfoDidService() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "br2k-sample-logback.xml");
        }
        Map<String, String> env = System.getenv();
        RegistryClient registry = RegistryKvService.registry(env);
        InfoDid service = InfoDid.create(config -> config.fromEnvironment(env)
                .locationPublisher(new RegistryLocationPublisher(registry))).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            registry.close();
            stopped.countDown();
        }, "infodid-shutdown"));
        stopped.await();
    }
}
