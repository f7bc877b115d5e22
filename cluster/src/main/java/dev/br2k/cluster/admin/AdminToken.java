package dev.br2k.cluster.admin;

import dev.br2k.cluster.ClusterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The admin token of a service's replicas ({@code GET /metrics}, {@code POST /br2k/backup} need
 * {@code Authorization: Bearer <token>}; core-replication's README): 32 random bytes in hex, one per service,
 * passed to every replica as the file {@code BR2K_ADMIN_TOKEN_FILE} names.
 */
public final class AdminToken {
    /** The variable naming the token file in a replica's environment. */
    public static final String FILE_VARIABLE = "BR2K_ADMIN_TOKEN_FILE";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminToken() {
    }

    /** A new random token: 32 bytes from {@link SecureRandom}, 64 hex digits. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Creates {@code file} with a new random token, readable and writable by its owner only (0600 from the first
     * byte), unless it exists: an existing token is kept, so running replicas and scrapers keep working.
     *
     * @return {@code file}
     * @throws ClusterException if the file cannot be written
     */
    public static Path ensureFile(Path file) {
        try {
            if (Files.exists(file) && !read(file).isEmpty()) {
                return file;
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".admin-token", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, random() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new ClusterException("Cannot write the admin token file " + file + ": " + e.getMessage()
                    + ". Check that its directory is writable.", e);
        }
    }

    /**
     * The token in {@code file}.
     *
     * @throws ClusterException if the file cannot be read
     */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ClusterException("Cannot read the admin token file " + file + ": " + e.getMessage()
                    + ". Deploy the service first (it creates the file).", e);
        }
    }
}
