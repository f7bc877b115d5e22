package dev.br2k.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.crypto.KeystoreStrength;
import dev.br2k.registry.crypto.Keystores;
import dev.br2k.testkit.Anvil;
import java.nio.file.Path;
import org.web3j.crypto.Credentials;

/**
 * A service registry contract freshly deployed on anvil (by account 0) and added to a BR2K home as
 * "lab" with the operator's keystore (password {@value #PASSWORD}).
 */
record TestRegistry(String address, Path keystore) {
    static final String PASSWORD = "pw";

    static TestRegistry deployAndAdd(Anvil anvil, Path dir, CliRun br2k, Credentials operator) {
        String address;
        try (RegistryClient deployer = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(0))) {
            address = deployer.registryAddress();
        }
        Path keystore = Keystores.write(dir.resolve("keys"), PASSWORD, operator.getEcKeyPair(), KeystoreStrength.LIGHT);
        CliRun.Result add = br2k.run("add-service-registry", "lab", "--rpc-url", anvil.rpcUrl(), "--address", address,
                "--keystore", keystore.toString());
        assertThat(add.exitCode()).as(add.toString()).isZero();
        return new TestRegistry(address, keystore);
    }
}
