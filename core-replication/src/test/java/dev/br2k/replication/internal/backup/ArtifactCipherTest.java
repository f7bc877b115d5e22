package dev.br2k.replication.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.replication.BackupVerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCipherTest {
    static final int HEADER = 8 + 4 + 7;
    static final int SEALED_CHUNK = ArtifactCipher.CHUNK + 16;

    @TempDir
    Path dir;

    private final byte[] key = ArtifactCipher.newKey();

    private Path encrypted(byte[] plain) throws Exception {
        Files.write(dir.resolve("plain"), plain);
        ArtifactCipher.encrypt(dir.resolve("plain"), dir.resolve("sealed"), key, "state.zip");
        return dir.resolve("sealed");
    }

    private static byte[] data(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    @Test
    void a_state_of_several_chunks_decrypts_to_the_same_bytes() throws Exception {
        byte[] plain = data(3 * ArtifactCipher.CHUNK + 5);
        Path sealed = encrypted(plain);

        ArtifactCipher.decrypt(sealed, dir.resolve("back"), key, "state.zip");

        assertThat(Files.readAllBytes(dir.resolve("back"))).isEqualTo(plain);
        assertThat(Files.size(sealed)).isEqualTo(HEADER + plain.length + 4 * 16L);
    }

    @Test
    void an_empty_artifact_and_an_exact_multiple_of_the_chunk_round_trip() throws Exception {
        for (int size : new int[] {0, 2 * ArtifactCipher.CHUNK}) {
            byte[] plain = data(size);
            ArtifactCipher.decrypt(encrypted(plain), dir.resolve("back"), key, "state.zip");
            assertThat(Files.readAllBytes(dir.resolve("back"))).as("%d bytes", size).isEqualTo(plain);
        }
    }

    @Test
    void a_changed_byte_is_refused() throws Exception {
        Path sealed = encrypted(data(2 * ArtifactCipher.CHUNK));
        byte[] bytes = Files.readAllBytes(sealed);
        bytes[HEADER + SEALED_CHUNK + 3] ^= 1;
        Files.write(sealed, bytes);

        assertThatThrownBy(() -> ArtifactCipher.decrypt(sealed, dir.resolve("back"), key, "state.zip"))
                .isInstanceOf(BackupVerificationException.class).hasMessageContaining("'state.zip' does not decrypt");
    }

    @Test
    void an_artifact_cut_at_a_chunk_boundary_is_refused() throws Exception {
        Path sealed = encrypted(data(2 * ArtifactCipher.CHUNK + 10));
        byte[] bytes = Files.readAllBytes(sealed);
        Files.write(sealed, Arrays.copyOf(bytes, HEADER + 2 * SEALED_CHUNK));

        assertThatThrownBy(() -> ArtifactCipher.decrypt(sealed, dir.resolve("back"), key, "state.zip"))
                .isInstanceOf(BackupVerificationException.class).hasMessageContaining("tampered, truncated");
    }

    @Test
    void another_key_or_another_artifact_name_is_refused() throws Exception {
        Path sealed = encrypted(data(100));

        assertThatThrownBy(() -> ArtifactCipher.decrypt(sealed, dir.resolve("back"), ArtifactCipher.newKey(), "state.zip"))
                .isInstanceOf(BackupVerificationException.class);
        assertThatThrownBy(() -> ArtifactCipher.decrypt(sealed, dir.resolve("back"), key, "etcd.snapshot"))
                .isInstanceOf(BackupVerificationException.class);
    }

    @Test
    void a_clear_zip_is_refused_as_not_encrypted() throws Exception {
        Files.write(dir.resolve("zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});

        assertThatThrownBy(() -> ArtifactCipher.decrypt(dir.resolve("zip"), dir.resolve("back"), key, "state.zip"))
                .isInstanceOf(BackupVerificationException.class).hasMessageContaining("not a BR2K encrypted artifact");
    }
}
