package dev.br2k.replication.backup;

import dev.br2k.replication.BackupVerificationException;
import dev.br2k.replication.Br2kException;
import dev.br2k.replication.internal.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A backup log in a local file for one machine without a chain: one record per line, appended with fsync.
 *
 * <p>A record carries the key of its encrypted artifacts, so each line is the record's JSON encrypted and
 * authenticated with AES-256-GCM under the log's key: {@code br2k-backup-record-v1 base64(nonce || ciphertext)}.
 * The key is 32 random bytes (hex) in a key file, created owner-only (0600) by the first writer; every
 * replica that reads the log needs the same key file. Whoever can write the log and the backup store but not
 * read the key file can neither read a record nor forge one that a Learner accepts: a changed line, a line
 * under another key or a clear-text line (BR2K before issue 20) fails {@link #all()} with a
 * {@link BackupVerificationException}. Keep the key file out of the shared backup directory when the
 * directory is shared with anyone else ({@code BR2K_BACKUP_LOG_KEY_FILE}). An unterminated last line (a torn
 * write) is skipped.
 */
public final class FileBackupLog implements BackupLog {
    static final String PREFIX = "br2k-backup-record-v1 ";
    private static final byte[] AAD = PREFIX.trim().getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Path keyFile;

    /** A log whose key file is {@link #defaultKeyFile} of {@code file}. */
    public FileBackupLog(Path file) {
        this(file, defaultKeyFile(file));
    }

    public FileBackupLog(Path file, Path keyFile) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile").toAbsolutePath();
    }

    /** {@code <log file name>.key} beside the log. */
    public static Path defaultKeyFile(Path logFile) {
        Path absolute = logFile.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".key");
    }

    public Path file() {
        return file;
    }

    public Path keyFile() {
        return keyFile;
    }

    @Override
    public synchronized void append(BackupRecord record) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = key(true);
        byte[] line = (PREFIX + seal(key, Json.bytes(record)) + "\n").getBytes(StandardCharsets.US_ASCII);
        boolean torn = endsTorn();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (torn) {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'})); // end a torn line so that ours stands alone
            }
            ch.write(ByteBuffer.wrap(line));
            ch.force(true);
        }
    }

    private boolean endsTorn() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            return last.get(0) != '\n';
        }
    }

    @Override
    public Optional<BackupRecord> newest() throws IOException {
        List<BackupRecord> records = all();
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    @Override
    public Optional<BackupRecord> newestOf(long version) throws IOException {
        List<BackupRecord> records = all();
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).version() == version) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Every record, oldest first.
     *
     * @throws BackupVerificationException if a complete line is not a record sealed with this log's key
     */
    public List<BackupRecord> all() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        int end = text.lastIndexOf('\n');
        String[] lines = end < 0 ? new String[0] : text.substring(0, end).split("\n", -1);
        List<BackupRecord> records = new ArrayList<>();
        byte[] key = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (key == null && !line.startsWith("{")) {
                key = key(false);
            }
            records.add(open(key, line, i + 1));
        }
        return List.copyOf(records);
    }

    private BackupRecord open(byte[] key, String line, int number) {
        String where = "line " + number + " of the backup log " + file;
        if (line.startsWith("{")) {
            throw new BackupVerificationException(where + " is a clear-text backup record (written by BR2K before backups"
                    + " were encrypted, or by someone without the log's key): it is not authentic and is refused. Move the"
                    + " old log aside (its backups are stored in clear: delete them when no longer needed) and let the"
                    + " leader make a new backup (POST /br2k/backup).");
        }
        byte[] sealed;
        try {
            if (!line.startsWith(PREFIX)) {
                throw new IllegalArgumentException("no " + PREFIX.trim() + " prefix");
            }
            sealed = Base64.getDecoder().decode(line.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new BackupVerificationException(where + " is not a sealed backup record (" + e.getMessage()
                    + "): it is not authentic and the backup log is refused. Restore the log from a copy.");
        }
        byte[] json;
        try {
            json = crypt(Cipher.DECRYPT_MODE, key, sealed);
        } catch (AEADBadTagException e) {
            throw new BackupVerificationException(where + " is not an authentic backup record: it was changed or"
                    + " written without the key in " + keyFile + "; the backup log is refused and no state was touched."
                    + " Restore the log from a copy, or check that every replica uses the same key file.");
        }
        return Json.read(json, BackupRecord.class);
    }

    private static String seal(byte[] key, byte[] plain) {
        try {
            return Base64.getEncoder().encodeToString(crypt(Cipher.ENCRYPT_MODE, key, plain));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("encryption cannot fail to authenticate", e);
        }
    }

    /** Encrypt: {@code nonce (12) || GCM}; decrypt the same. */
    private static byte[] crypt(int mode, byte[] key, byte[] input) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            if (mode == Cipher.ENCRYPT_MODE) {
                byte[] nonce = new byte[12];
                RANDOM.nextBytes(nonce);
                cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
                cipher.updateAAD(AAD);
                byte[] sealed = cipher.doFinal(input);
                return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
            }
            if (input.length < 12 + 16) {
                throw new AEADBadTagException("too short");
            }
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, input, 0, 12));
            cipher.updateAAD(AAD);
            return cipher.doFinal(input, 12, input.length - 12);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available in this JVM", e);
        }
    }

    /** The log's key; with {@code create}, makes the key file (0600) if there is none. */
    private byte[] key(boolean create) throws IOException {
        if (!Files.exists(keyFile)) {
            if (!create) {
                throw new BackupVerificationException("the backup log " + file + " has records but its key file " + keyFile
                        + " does not exist: the records cannot be read nor authenticated. Give this replica the key file"
                        + " the writer created (BR2K_BACKUP_LOG_KEY_FILE).");
            }
            createKeyFile();
        }
        String hex = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        try {
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new Br2kException("the backup log key file " + keyFile + " does not hold 64 hex digits (a 256-bit key):"
                + " restore it from a copy; without it the backup log cannot be read");
    }

    /** Writes a new key to a private temporary file and links it into place, so concurrent writers agree on one key. */
    private void createKeyFile() throws IOException {
        Files.createDirectories(keyFile.getParent());
        Path tmp = Files.createTempFile(keyFile.getParent(), ".br2k-key-", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // createTempFile already makes the file readable by its owner only where it can
            }
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            try {
                Files.createLink(keyFile, tmp);
            } catch (FileAlreadyExistsException another) {
                // another replica created it first: use that one
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
