package dev.br2k.registry;

import dev.br2k.registry.crypto.Ecies;
import dev.br2k.registry.event.ClaimSent;
import dev.br2k.testkit.Anvil;
import dev.br2k.testkit.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Java client wrote is read back the same by foundry's {@code cast}, an independent client,
 * and what {@code cast} writes the Java client reads.
 */
class CastReadbackIT {

    @RegisterExtension
    static final Anvil anvil = Anvil.builder().build();

    private static RegistryClient manager;
    private static ServiceId id;
    private static ServiceRegistration registration;

    @BeforeAll
    static void writeWithJava() {
        manager = RegistryClient.deploy(anvil.rpcUrl(), anvil.account(0));
        registration = ServiceRegistration.builder("infodid-ü")
                .description("User information by DID")
                .location("http://10.0.0.7:8080/path?x=1")
                .replicas(3, 7)
                .context(Hash.sha256("ctx".getBytes(StandardCharsets.UTF_8)), "file:/contexts/sandbox.yaml")
                .image("127.0.0.1:5000/infodid:1.0", new byte[] {1, 2, 3})
                .build();
        id = manager.register(registration).id();
        manager.setOperator(id, anvil.account(1).getAddress(), true);
        manager.setRunState(id, RunState.DEGRADED);
        manager.setLocation(id, "http://10.0.0.8:8080");
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void cast_computes_the_same_service_id_from_the_name() throws Exception {
        // as hex, so the test does not depend on the platform's encoding of command-line arguments
        String utf8 = Numeric.toHexString(registration.details().name().getBytes(StandardCharsets.UTF_8));

        assertThat(cast("keccak", utf8)).isEqualTo(id.hex());
    }

    @Test
    void cast_reads_the_location_java_published() throws Exception {
        assertThat(cast("call", manager.registryAddress(), "getServiceLocation(bytes32)(string)", id.hex(), "--rpc-url", anvil.rpcUrl()))
                .isEqualTo("\"http://10.0.0.8:8080\"");
    }

    @Test
    void cast_reads_the_stored_service_as_java_wrote_it() throws Exception {
        List<String> lines = cast("call", manager.registryAddress(),
                "getService(bytes32)(address,address,address,uint8,uint16,uint16,uint64,uint256,uint256,uint256,string)",
                id.hex(), "--rpc-url", anvil.rpcUrl()).lines().map(CastReadbackIT::firstWord).toList();
        ServiceInfo java = manager.service(id);

        assertThat(lines.get(0).toLowerCase(Locale.ROOT)).isEqualTo(java.manager());
        assertThat(lines.get(1)).isEqualTo("0x0000000000000000000000000000000000000000");
        assertThat(lines.get(2).toLowerCase(Locale.ROOT)).isEqualTo(java.deployer());
        assertThat(lines.get(3)).isEqualTo(Integer.toString(RunState.DEGRADED.code()));
        assertThat(lines.get(4)).isEqualTo("3");
        assertThat(lines.get(5)).isEqualTo("7");
        assertThat(lines.get(6)).isEqualTo("0");
        assertThat(lines.get(10)).isEqualTo("\"http://10.0.0.8:8080\"");
    }

    @Test
    void cast_lists_the_managers_services_and_the_operators() throws Exception {
        assertThat(cast("call", manager.registryAddress(), "servicesOf(address)(bytes32[])", manager.account(), "--rpc-url", anvil.rpcUrl()))
                .isEqualTo("[" + id.hex() + "]");
        assertThat(cast("call", manager.registryAddress(), "operatorsOf(bytes32)(address[])", id.hex(), "--rpc-url", anvil.rpcUrl())
                .toLowerCase(Locale.ROOT))
                .isEqualTo("[" + manager.operators(id).get(0) + "]");
        assertThat(cast("call", manager.registryAddress(), "isOperator(bytes32,address)(bool)", id.hex(),
                anvil.account(1).getAddress(), "--rpc-url", anvil.rpcUrl())).isEqualTo("true");
    }

    @Test
    void cast_decodes_the_encrypted_backup_record_java_appended_byte_for_byte() throws Exception {
        byte[] record = Ecies.encrypt(anvil.account(1), "{\"version\":2}".getBytes(StandardCharsets.UTF_8));
        RegistryReceipt receipt = manager.appendBackupLog(id, record);
        String topic = cast("keccak", "Backup(bytes32,uint64,bytes,address,uint256)");

        String logs = cast("logs", "--from-block", Long.toString(receipt.blockNumber()), "--to-block", Long.toString(receipt.blockNumber()),
                "--address", manager.registryAddress(), topic, "--rpc-url", anvil.rpcUrl(), "--json");
        String data = logs.replaceAll("(?s).*\"data\"\\s*:\\s*\"(0x[0-9a-fA-F]*)\".*", "$1");
        List<String> decoded = cast("abi-decode", "f()(bytes,uint256)", data).lines().map(CastReadbackIT::firstWord).toList();

        assertThat(Numeric.hexStringToByteArray(decoded.get(0))).isEqualTo(record);
        assertThat(decoded.get(1)).isEqualTo("0");
        assertThat(Ecies.decrypt(anvil.account(1), Numeric.hexStringToByteArray(decoded.get(0))))
                .isEqualTo("{\"version\":2}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void java_reads_a_claim_that_cast_sent() throws Exception {
        String key = Numeric.toHexStringWithPrefixZeroPadded(anvil.account(5).getEcKeyPair().getPrivateKey(), 64);

        cast("send", manager.registryAddress(), "sendClaim(bytes32,string)", id.hex(), "sent by cast",
                "--private-key", key, "--rpc-url", anvil.rpcUrl());

        List<ClaimSent> claims = manager.claims(id, 5);
        assertThat(claims).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("sent by cast");
            assertThat(c.claimant()).isEqualTo(anvil.account(5).getAddress());
        });
    }

    private static String firstWord(String line) {
        String trimmed = line.trim();
        if (trimmed.startsWith("\"")) {
            return trimmed;
        }
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static String cast(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Tools.cast().toString());
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("cast finished").isTrue();
        assertThat(process.exitValue()).as("cast %s failed: %s", command, output).isZero();
        return output.trim();
    }
}
