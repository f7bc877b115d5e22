package dev.br2k.robustness.registry;

import dev.br2k.infodid.InfoDid;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.replication.RegistryLocationPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.web3j.crypto.Credentials;

/**
 * The InfoDID sample, publishing its location in the service registry when it leads: the BR2K_*
 * variables plus BR2K_REGISTRY_RPC, BR2K_REGISTRY_ADDRESS and BR2K_REGISTRY_KEY, as {@link RegistryKvService}.
 * The experiment's fault "a follower whose handler fails" sets {@value #FAIL_WRITES_FILE}: while that
 * file exists, this replica's replicated handlers throw (InfoDID's test-only hook; the experiment's own
 * main is the only place that reads the variable).
 */
public final class RegistryInfoDidService {
    /** Test only: the path of a file whose existence makes this replica's replicated handlers throw. */
    public static final String FAIL_WRITES_FILE = "BR2K_ROBUSTNESS_FAIL_WRITES_FILE";

    private RegistryInfoDidService() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "br2k-sample-logback.xml");
        }
        Map<String, String> env = System.getenv();
        RegistryClient registry = RegistryKvService.registry(env);
        Optional<Path> failWrites = Optional.ofNullable(env.get(FAIL_WRITES_FILE)).map(Path::of);
        InfoDid service = InfoDid.createFailingWritesWhile(config -> config.fromEnvironment(env)
                        .locationPublisher(new RegistryLocationPublisher(registry)),
                () -> failWrites.filter(Files::exists).isPresent()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            registry.close();
            stopped.countDown();
        }, "infodid-shutdown"));
        stopped.await();
    }
}
