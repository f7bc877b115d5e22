package dev.br2k.registry.crypto;

import dev.br2k.registry.build.ContractBuild;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Java's ECIES against eciesjs 0.5.0 from npm, both ways, through {@code scripts/ecies.js}. */
class EciesInteropIT {

    private static final byte[] RECORD = ("{\"service\":\"infodid\",\"version\":7,\"sha256\":{\"state.zip\":\"9f86d0\"},"
            + "\"note\":\"ünïcødé ✓\"}").getBytes(StandardCharsets.UTF_8);

    @Test
    void a_value_encrypted_in_java_decrypts_with_eciesjs() throws Exception {
        Credentials receiver = Credentials.create(Keys.createEcKeyPair());
        byte[] payload = Ecies.encrypt(receiver, RECORD);

        String plain = eciesjs("decrypt", Numeric.toHexStringNoPrefixZeroPadded(receiver.getEcKeyPair().getPrivateKey(), 64),
                Numeric.toHexStringNoPrefix(payload));

        assertThat(Numeric.hexStringToByteArray(plain)).isEqualTo(RECORD);
    }

    @Test
    void a_value_encrypted_with_eciesjs_decrypts_in_java() throws Exception {
        Credentials receiver = Credentials.create(Keys.createEcKeyPair());

        String payload = eciesjs("encrypt", Numeric.toHexStringNoPrefix(Ecies.uncompressedPublicKey(receiver)),
                Numeric.toHexStringNoPrefix(RECORD));

        assertThat(Ecies.decrypt(receiver, Numeric.hexStringToByteArray(payload))).isEqualTo(RECORD);
    }

    @Test
    void eciesjs_accepts_the_64_byte_public_key_ethereum_tools_print() throws Exception {
        Credentials receiver = Credentials.create(Keys.createEcKeyPair());

        String payload = eciesjs("encrypt", Numeric.toHexStringWithPrefixZeroPadded(receiver.getEcKeyPair().getPublicKey(), 128),
                Numeric.toHexStringNoPrefix(RECORD));

        assertThat(Ecies.decrypt(receiver, Numeric.hexStringToByteArray(payload))).isEqualTo(RECORD);
    }

    @Test
    void a_flipped_byte_in_a_java_payload_is_refused_by_eciesjs() throws Exception {
        Credentials receiver = Credentials.create(Keys.createEcKeyPair());
        byte[] payload = Ecies.encrypt(receiver, RECORD);
        payload[payload.length - 3] ^= 0x40;

        Result result = run("decrypt", Numeric.toHexStringNoPrefixZeroPadded(receiver.getEcKeyPair().getPrivateKey(), 64),
                Numeric.toHexStringNoPrefix(payload));

        assertThat(result.exitCode()).isNotZero();
    }

    private static String eciesjs(String command, String key, String data) throws Exception {
        Result result = run(command, key, data);
        assertThat(result.exitCode()).as("ecies.js %s failed: %s", command, result.output()).isZero();
        return result.output().trim();
    }

    private static Result run(String command, String key, String data) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("node",
                ContractBuild.moduleDirectory().resolve("scripts/ecies.js").toString(), command, key, data))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ecies.js finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
