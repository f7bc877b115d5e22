package dev.br2k.registry.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class KeystoresTest {

    @Test
    void a_created_keystore_opens_with_its_password(@TempDir Path dir) {
        Path file = Keystores.create(dir.resolve("keys"), "correct horse", KeystoreStrength.LIGHT);

        Credentials credentials = Keystores.load(file, "correct horse");

        assertThat(file.getFileName().toString()).startsWith("UTC--").endsWith(credentials.getAddress().substring(2) + ".json");
    }

    @Test
    void a_written_key_pair_loads_back_as_the_same_account(@TempDir Path dir) throws Exception {
        var keys = Keys.createEcKeyPair();

        Path file = Keystores.write(dir, "pw", keys, KeystoreStrength.LIGHT);

        assertThat(Keystores.load(file, "pw").getEcKeyPair()).isEqualTo(keys);
    }

    @Test
    void a_wrong_password_is_reported_as_such(@TempDir Path dir) {
        Path file = Keystores.create(dir, "right", KeystoreStrength.LIGHT);

        assertThatThrownBy(() -> Keystores.load(file, "wrong"))
                .isInstanceOf(KeystorePasswordException.class)
                .hasMessageContaining("Wrong password");
    }

    @Test
    void a_missing_file_or_a_file_that_is_not_a_keystore_is_unreadable(@TempDir Path dir) throws Exception {
        Path notKeystore = Files.writeString(dir.resolve("notes.json"), "{\"hello\":\"world\"}");
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "just text");

        assertThatThrownBy(() -> Keystores.load(dir.resolve("missing.json"), "pw"))
                .isInstanceOf(KeystoreUnreadableException.class).hasMessageContaining("No keystore file");
        assertThatThrownBy(() -> Keystores.load(notKeystore, "pw"))
                .isInstanceOf(KeystoreUnreadableException.class).hasMessageContaining("not an Ethereum V3 keystore");
        assertThatThrownBy(() -> Keystores.load(notJson, "pw"))
                .isInstanceOf(KeystoreUnreadableException.class).hasMessageContaining("not an Ethereum V3 keystore");
    }

    @Test
    void loading_in_the_background_completes_with_the_account_or_the_specific_failure(@TempDir Path dir) {
        Path file = Keystores.create(dir, "pw", KeystoreStrength.LIGHT);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Credentials> ok = Keystores.loadAsync(file, "pw", background);
            CompletableFuture<Credentials> wrong = Keystores.loadAsync(file, "nope", background);

            await().atMost(Duration.ofSeconds(60)).until(() -> ok.isDone() && wrong.isDone());
            assertThat(ok).isCompleted();
            assertThat(wrong).isCompletedExceptionally();
            assertThat(Keystores.cause(wrong.handle((c, e) -> e).join())).isInstanceOf(KeystorePasswordException.class);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void a_created_keystore_is_readable_by_its_owner_only(@TempDir Path dir) throws Exception {
        Path file = Keystores.create(dir, "pw", KeystoreStrength.LIGHT);

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void a_keystore_with_absurd_scrypt_parameters_is_refused_before_decryption_starts(@TempDir Path dir) throws Exception {
        Path file = Keystores.create(dir, "pw", KeystoreStrength.LIGHT);
        // 128 * r * n = 16 GiB of memory for one decryption: a crafted file, not a wallet's
        Files.writeString(file, Files.readString(file).replaceFirst("\"n\":\\d+", "\"n\":16777216"));

        assertThatThrownBy(() -> Keystores.load(file, "pw"))
                .isInstanceOf(KeystoreUnreadableException.class)
                .hasMessageContaining("n=16777216")
                .hasMessageContaining("refused");
    }

    @Test
    void a_keystore_with_absurd_pbkdf2_iterations_is_refused_before_decryption_starts(@TempDir Path dir) throws Exception {
        Path file = Keystores.create(dir, "pw", KeystoreStrength.LIGHT);
        String pbkdf2 = Files.readString(file).replaceFirst("\"kdf\":\"scrypt\"", "\"kdf\":\"pbkdf2\"")
                .replaceFirst("\"kdfparams\":\\{[^}]*}",
                        "\"kdfparams\":{\"dklen\":32,\"c\":2000000000,\"prf\":\"hmac-sha256\",\"salt\":\"00\"}");
        Files.writeString(file, pbkdf2);

        assertThatThrownBy(() -> Keystores.load(file, "pw"))
                .isInstanceOf(KeystoreUnreadableException.class)
                .hasMessageContaining("c=2000000000")
                .hasMessageContaining("refused");
    }
}
