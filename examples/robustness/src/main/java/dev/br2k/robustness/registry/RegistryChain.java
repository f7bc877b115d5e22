package dev.br2k.robustness.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceRegistration;
import dev.br2k.robustness.ExperimentException;
import dev.br2k.robustness.network.Network;
import dev.br2k.testkit.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.web3j.crypto.Credentials;

/**
 * The service registry on a chain: anvil (1 s blocks, as a real chain has some) in its own namespace on
 * the bridge, the registry contract deployed by a manager account, the service registered, and a service
 * account approved as operator — the account the replicas publish their location with.
 */
public final class RegistryChain implements AutoCloseable {
    public static final String SERVICE = "robustness";
    private static final int PORT = 8545;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process anvil;
    private final String rpcUrl;
    private final String registryAddress;
    private final Credentials serviceAccount;

    private RegistryChain(Process anvil, String rpcUrl, String registryAddress, Credentials serviceAccount) {
        this.anvil = anvil;
        this.rpcUrl = rpcUrl;
        this.registryAddress = registryAddress;
        this.serviceAccount = serviceAccount;
    }

    /** Starts anvil in the network's chain namespace and deploys and fills in the registry. */
    public static RegistryChain start(Network network, Path workDir, int replicas) {
        Path dir = workDir.resolve("chain");
        Path configOut = dir.resolve("anvil-config.json");
        List<String> cmd = new ArrayList<>(network.execChain());
        cmd.addAll(List.of(Tools.anvil().toString(), "--host", network.chainAddress(), "--port", String.valueOf(PORT),
                "--block-time", "1", "--accounts", "2", "--silent", "--config-out", configOut.toString()));
        Process anvil;
        try {
            Files.createDirectories(dir);
            anvil = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("anvil.log").toFile()).start();
        } catch (IOException e) {
            throw new ExperimentException("cannot start anvil: " + e.getMessage(), e);
        }
        String rpcUrl = "http://" + network.chainAddress() + ":" + PORT;
        try {
            List<Credentials> keys = awaitKeys(anvil, configOut);
            Credentials manager = keys.get(0);
            Credentials serviceAccount = keys.get(1);
            try (RegistryClient registry = awaitDeploy(rpcUrl, manager)) {
                ServiceId id = registry.register(ServiceRegistration.builder(SERVICE)
                        .description("BR2K robustness experiment").replicas(replicas, 5).build()).id();
                registry.setOperator(id, serviceAccount.getAddress(), true);
                return new RegistryChain(anvil, rpcUrl, registry.registryAddress(), serviceAccount);
            }
        } catch (RuntimeException e) {
            anvil.destroyForcibly();
            throw e;
        }
    }

    private static List<Credentials> awaitKeys(Process anvil, Path configOut) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!anvil.isAlive()) {
                throw new ExperimentException("anvil exited at start (exit " + anvil.exitValue() + ")");
            }
            try {
                if (Files.size(configOut) > 0) {
                    JsonNode config = JSON.readTree(configOut.toFile());
                    List<Credentials> keys = new ArrayList<>();
                    config.path("private_keys").forEach(k -> keys.add(Credentials.create(k.asText())));
                    if (keys.size() >= 2) {
                        return keys;
                    }
                }
            } catch (IOException e) {
                // not written yet
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new ExperimentException("anvil did not start within 30 s");
    }

    private static RegistryClient awaitDeploy(String rpcUrl, Credentials manager) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return RegistryClient.deploy(rpcUrl, manager);
            } catch (RuntimeException e) {
                last = e;
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        throw new ExperimentException("cannot deploy the service registry on " + rpcUrl + ": " + last.getMessage(), last);
    }

    public String rpcUrl() {
        return rpcUrl;
    }

    public String registryAddress() {
        return registryAddress;
    }

    /** The account the replicas sign location updates with (an operator of the service). */
    public Credentials serviceAccount() {
        return serviceAccount;
    }

    @Override
    public void close() {
        anvil.destroyForcibly();
        try {
            anvil.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
