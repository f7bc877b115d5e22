package dev.br2k.cli.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * BR2K as the .deb installs it ({@code /opt/br2k-watch}): the jpackage launcher that runs the CLI sets
 * {@code jpackage.app-path} to itself ({@code <dir>/bin/br2k}). The package carries what Debian does
 * not: anvil ({@code lib/anvil/anvil}) and the InfoDID sample's jars ({@code lib/infodid/}); BR2K Watch
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

    /** InfoDID's jars, or empty when this installation has none. */
    List<Path> infodidJars() {
        Path lib = dir.resolve("lib/infodid");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
