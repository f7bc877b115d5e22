package dev.br2k.cli.sandbox;

import dev.br2k.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * BR2K as the .deb installs it ({@code /opt/br2k-watch}): the jpackage launcher that runs the CLI sets
 * {@code jpackage.app-path} to itself ({@code <dir>/bin/br2k}). The package carries what Debian does
 * not: anvil ({@code lib/anvil/anvil}) and the sandbox programs' jars with InfoDID ({@code lib/infodid/}); BR2K Watch
 * is {@code bin/br2k-watch}.
 */
record Installation(Path dir) {

    /** The installation this CLI runs from; empty when it runs from a checkout. */
    static Optional<Installation> current() {
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher == null || launcher.isBlank()) {
            return Optional.empty();
        }
        Path bin = Path.of(launcher).toAbsolutePath().getParent();
        Path dir = bin == null ? null : bin.getParent();
        return dir == null || !Files.isDirectory(dir.resolve("lib")) ? Optional.empty() : Optional.of(new Installation(dir));
    }

    Path anvil() {
        return dir.resolve("lib/anvil/anvil");
    }

    Path watchLauncher() {
        return dir.resolve("bin/br2k-watch");
    }

    /**
     * The sandbox programs' class path, in order, from {@code lib/infodid/classpath.txt}: one jar per line,
     * relative to {@code lib/} ({@code infodid/...} for the jars only they use, {@code app/...} for those they
     * share with the application, which the package carries once). Empty when this installation has none.
     *
     * @throws CliException if the file names a jar the installation does not have
     */
    List<Path> infodidJars() {
        Path lib = dir.resolve("lib");
        Path list = lib.resolve("infodid/classpath.txt");
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        try {
            List<Path> jars = Files.readAllLines(list).stream().map(String::strip).filter(l -> !l.isEmpty())
                    .map(lib::resolve).toList();
            for (Path jar : jars) {
                if (!Files.isRegularFile(jar)) {
                    throw CliException.notConfigured("this installation is damaged: " + jar + ", named in " + list
                            + ", is missing. Reinstall the br2k-watch package.");
                }
            }
            return jars;
        } catch (IOException e) {
            throw CliException.failed("cannot read " + list + ": " + e.getMessage(), e);
        }
    }
}
