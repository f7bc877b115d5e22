package dev.br2k.watch.common;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The Watch's own directory: remembered profiles ({@code watch-profiles.json}) and its log
 * ({@code watch.log}). {@code $BR2K_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/br2k}, else
 * {@code ~/.config/br2k}. Its files name endpoints and accounts, so the directory is created 0700
 * and the files 0600 (on file systems with POSIX permissions).
 */
public final class WatchHome {

    /** The system property the Watch's {@code logback.xml} reads its log directory from. */
    public static final String LOG_DIR_PROPERTY = "br2k.watch.logDir";
    /** The log file's name in the directory. */
    public static final String LOG_FILE = "watch.log";

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private WatchHome() {
    }

    /** The directory for this process's environment. */
    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }

    /** The directory for {@code env} ({@code BR2K_CONFIG_DIR}, {@code XDG_CONFIG_HOME}) and the user's home. */
    public static Path resolve(Map<String, String> env, String userHome) {
        String explicit = env.get("BR2K_CONFIG_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "br2k");
        }
        return Path.of(userHome, ".config", "br2k");
    }

    /**
     * Points the Watch's log at {@code dir}: creates the directory and an empty {@code watch.log}
     * readable by the owner only, and sets {@link #LOG_DIR_PROPERTY}. Call before the first logger is
     * made (logback reads the property when it configures itself). A directory that cannot be made
     * is reported on stderr; the Watch still starts (logback then says it cannot open the file).
     *
     * @return the log file
     */
    public static Path prepareLog(Path dir) {
        Path file = dir.resolve(LOG_FILE);
        try {
            createPrivateDirectories(dir);
            if (!Files.exists(file)) {
                createPrivateFile(file);
            }
        } catch (IOException e) {
            System.err.println("BR2K Watch cannot create its log " + file + " (" + e.getMessage()
                    + "); set BR2K_CONFIG_DIR to a directory you may write.");
        }
        System.setProperty(LOG_DIR_PROPERTY, dir.toAbsolutePath().toString());
        return file;
    }

    /** Where this process logs: in the directory {@link #prepareLog} set, else in {@link #resolve()}. */
    public static Path logFile() {
        String dir = System.getProperty(LOG_DIR_PROPERTY);
        return (dir != null && !dir.isBlank() ? Path.of(dir) : resolve()).resolve(LOG_FILE);
    }

    /** Creates {@code dir} and its missing parents; the ones it creates are 0700. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createPrivateDirectories(parent);
        }
        if (posix()) {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
            Files.createDirectory(absolute);
        }
    }

    /**
     * Replaces {@code file} atomically with {@code content}, written to a sibling created 0600 and
     * moved over it, so the file is never readable by others, not even while it is written.
     */
    public static void writePrivately(Path file, byte[] content) throws IOException {
        createPrivateDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        createPrivateFile(tmp);
        try {
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void createPrivateFile(Path file) throws IOException {
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.createFile(file);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
