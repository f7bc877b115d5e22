package dev.br2k.replication.internal.backup;

import dev.br2k.replication.BackupVerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a backup artifact at rest with AES-256-GCM in 64 KiB chunks (the STREAM construction), so that
 * neither side holds more than one chunk in memory, whatever the size of the state.
 *
 * <p>File: {@code "BR2KAE01"} (8 bytes) || chunk size (4, big-endian) || random nonce prefix (7) || chunks.
 * Chunk {@code i} is the GCM encryption of up to {@code chunk size} bytes with nonce
 * {@code prefix || i (4, big-endian) || last (1: 1 for the final chunk, else 0)} and the header plus the
 * artifact's name as associated data. Reordered, dropped, appended or changed chunks, a truncated file or an
 * artifact stored under another name all fail to decrypt. One GCM over the whole artifact was not used:
 * Java's GCM decryption keeps the whole ciphertext in memory until it has checked the tag.
 */
public final class ArtifactCipher {
    /** Bytes of plaintext per chunk. */
    public static final int CHUNK = 64 * 1024;
    static final byte[] MAGIC = "BR2KAE01".getBytes(StandardCharsets.US_ASCII);
    private static final int TAG = 16;
    private static final int PREFIX = 7;
    private static final int HEADER = MAGIC.length + 4 + PREFIX;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ArtifactCipher() {
    }

    /** A fresh AES-256 key for one backup. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public static void encrypt(Path plain, Path target, byte[] key, String artifact) throws IOException {
        byte[] header = ByteBuffer.allocate(HEADER).put(MAGIC).putInt(CHUNK).put(random(PREFIX)).array();
        try (InputStream in = Files.newInputStream(plain); OutputStream out = Files.newOutputStream(target)) {
            out.write(header);
            byte[] current = in.readNBytes(CHUNK);
            for (int i = 0; ; i++) {
                byte[] next = current.length < CHUNK ? new byte[0] : in.readNBytes(CHUNK);
                boolean last = next.length == 0;
                out.write(gcm(Cipher.ENCRYPT_MODE, key, header, artifact, i, last, current));
                if (last) {
                    return;
                }
                current = next;
            }
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("encryption cannot fail to authenticate", e);
        }
    }

    /**
     * Decrypts and authenticates every chunk into {@code target}; throws {@link BackupVerificationException}
     * if the file was changed, truncated or extended, or the key is not the one it was encrypted with.
     */
    public static void decrypt(Path encrypted, Path target, byte[] key, String artifact) throws IOException {
        try (InputStream in = Files.newInputStream(encrypted); OutputStream out = Files.newOutputStream(target)) {
            byte[] header = in.readNBytes(HEADER);
            if (header.length < HEADER || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new BackupVerificationException("backup artifact '" + artifact + "' is not a BR2K encrypted artifact"
                        + " (it does not start with " + new String(MAGIC, StandardCharsets.US_ASCII) + "): it was replaced;"
                        + " the local state was left untouched. Point the service at an intact backup.");
            }
            int chunk = ByteBuffer.wrap(header, MAGIC.length, 4).getInt();
            if (chunk != CHUNK) {
                throw new BackupVerificationException("backup artifact '" + artifact + "' declares chunks of " + chunk
                        + " bytes, BR2K writes " + CHUNK + ": it was changed; the local state was left untouched.");
            }
            byte[] current = in.readNBytes(CHUNK + TAG);
            for (int i = 0; ; i++) {
                byte[] next = in.readNBytes(CHUNK + TAG);
                boolean last = next.length == 0;
                out.write(gcm(Cipher.DECRYPT_MODE, key, header, artifact, i, last, current));
                if (last) {
                    return;
                }
                current = next;
            }
        } catch (AEADBadTagException e) {
            throw new BackupVerificationException("backup artifact '" + artifact + "' does not decrypt with the key in its"
                    + " backup record: it is tampered, truncated or from another backup; the local state was left untouched."
                    + " Restore the artifact or point the service at an intact backup.");
        }
    }

    private static byte[] gcm(int mode, byte[] key, byte[] header, String artifact, int index, boolean last, byte[] data)
            throws AEADBadTagException {
        byte[] nonce = ByteBuffer.allocate(12).put(header, MAGIC.length + 4, PREFIX).putInt(index)
                .put((byte) (last ? 1 : 0)).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(artifact.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(data);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
