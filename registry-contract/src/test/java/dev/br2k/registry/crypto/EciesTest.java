package dev.br2k.registry.crypto;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EciesTest {

    private static final Credentials ALICE = Credentials.create("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private static final Credentials BOB = Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static final byte[] RECORD = "{\"version\":2,\"location\":\"file:/backups/2\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_value_encrypted_to_an_account_decrypts_with_its_key() {
        byte[] payload = Ecies.encrypt(ALICE, RECORD);

        assertThat(payload).hasSize(RECORD.length + Ecies.OVERHEAD);
        assertThat(payload[0]).isEqualTo((byte) 0x04);
        assertThat(Ecies.decrypt(ALICE, payload)).isEqualTo(RECORD);
    }

    @Test
    void every_public_key_form_encrypts_to_the_same_account() throws Exception {
        ECKeyPair keys = Keys.createEcKeyPair();
        byte[] raw = Numeric.toBytesPadded(keys.getPublicKey(), 64);
        byte[] uncompressed = Ecies.uncompressedPublicKey(Credentials.create(keys));
        byte[] compressed = org.web3j.crypto.Sign.CURVE_PARAMS.getCurve().decodePoint(uncompressed).getEncoded(true);

        for (byte[] key : new byte[][] {raw, uncompressed, compressed}) {
            assertThat(Ecies.decrypt(keys, Ecies.encrypt(key, RECORD))).isEqualTo(RECORD);
        }
    }

    @Test
    void an_empty_value_round_trips() {
        assertThat(Ecies.decrypt(ALICE, Ecies.encrypt(ALICE, new byte[0]))).isEmpty();
    }

    @Test
    void two_encryptions_of_the_same_value_differ() {
        assertThat(Ecies.encrypt(ALICE, RECORD)).isNotEqualTo(Ecies.encrypt(ALICE, RECORD));
    }

    @Test
    void a_flipped_byte_anywhere_is_detected() {
        byte[] payload = Ecies.encrypt(ALICE, RECORD);
        for (int i = 1; i < payload.length; i++) {
            byte[] tampered = payload.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> Ecies.decrypt(ALICE, tampered))
                    .as("flipped byte %d", i)
                    .isInstanceOf(DecryptionFailedException.class);
        }
    }

    @Test
    void a_truncated_payload_is_refused() {
        byte[] payload = Ecies.encrypt(ALICE, RECORD);

        assertThatThrownBy(() -> Ecies.decrypt(ALICE, Arrays.copyOf(payload, payload.length - 1)))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> Ecies.decrypt(ALICE, Arrays.copyOf(payload, 40)))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void another_accounts_key_cannot_decrypt() {
        byte[] payload = Ecies.encrypt(ALICE, RECORD);

        assertThatThrownBy(() -> Ecies.decrypt(BOB, payload))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("another account");
    }
}
