package dev.br2k.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the programs the tests run: Debian's binaries on the PATH and the pinned npm tools in the
 * project's {@code node_modules}. Each lookup fails with {@link MissingBinaryException} naming the
 * install step when the program is missing.
 */
public final class Tools {

    private static final String INSTALL = "Run ./scripts/install-deps from the project root";

    private Tools() {
    }

    /** The project root: the {@code br2k.root} system property, else the nearest parent with package.json. */
    public static Path projectRoot() {
        String configured = System.getProperty("br2k.root");
        if (configured != null && Files.isRegularFile(Path.of(configured, "package.json"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("package.json")) && Files.isDirectory(dir.resolve("scripts"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new TestkitException("Cannot find the BR2K project root (a folder with package.json and scripts/)"
                + " above " + Path.of("").toAbsolutePath() + ". Run the tests from inside the project,"
                + " or set -Dbr2k.root=/path/to/project.");
    }

    /** Debian's etcd server. */
    public static Path etcd() {
        return onPath("etcd", INSTALL + " (it installs Debian's etcd-server package).");
    }

    /** Debian's etcdctl. */
    public static Path etcdctl() {
        return onPath("etcdctl", INSTALL + " (it installs Debian's etcd-client package).");
    }

    /** Debian's docker-registry (the CNCF distribution OCI registry). */
    public static Path dockerRegistry() {
        return onPath("docker-registry", INSTALL + " (it installs Debian's docker-registry package).");
    }

    /** Node.js, which runs solc and eciesjs. */
    /** Podman, which runs the images and pods the tests build (see {@link Podman}). */
    public static Path podman() {
        return onPath("podman", INSTALL + " (Debian packages podman, runc, catatonit).");
    }

    public static Path node() {
        return onPath("node", "Install Node.js 20 with npm, then run ./scripts/install-deps.");
    }

    /** anvil, the Ethereum dev node, from npm. */
    public static Path anvil() {
        return nodeModulesBin("anvil");
    }

    /** cast, foundry's Ethereum command-line client, from npm. */
    public static Path cast() {
        return nodeModulesBin("cast");
    }

    /** A program installed by {@code npm ci} into the project's {@code node_modules/.bin}. */
    public static Path nodeModulesBin(String tool) {
        Path path = projectRoot().resolve("node_modules").resolve(".bin").resolve(tool);
        if (!Files.isExecutable(path)) {
            throw new MissingBinaryException(path.toString(),
                    INSTALL + " (npm ci installs '" + tool + "' from package.json into node_modules).");
        }
        return path;
    }

    /** The project's {@code node_modules} folder, for node scripts that require npm packages. */
    public static Path nodeModules() {
        Path path = projectRoot().resolve("node_modules");
        if (!Files.isDirectory(path)) {
            throw new MissingBinaryException(path.toString(), INSTALL + " (npm ci creates node_modules).");
        }
        return path;
    }

    static Path onPath(String name, String installHint) {
        return find(name).orElseThrow(() -> new MissingBinaryException(name, installHint));
    }

    private static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : (path + ":/usr/bin:/usr/sbin:/sbin").split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
