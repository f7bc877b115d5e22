package dev.br2k.cli.sandbox;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the BR2K checkout the CLI runs from (where {@code node_modules} and {@code watch-app} are):
 * {@code $BR2K_ROOT} (the launcher sets it), else the directories above the CLI's own classes, else
 * above the current directory.
 */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    public static Optional<Path> find(Map<String, String> env) {
        String fromEnv = env.get("BR2K_ROOT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv).toAbsolutePath().normalize());
        }
        String fromProperty = System.getProperty("br2k.root");
        if (fromProperty != null && !fromProperty.isBlank() && isRoot(Path.of(fromProperty))) {
            return Optional.of(Path.of(fromProperty).toAbsolutePath().normalize());
        }
        try {
            Path code = Path.of(ProjectRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Optional<Path> above = above(code);
            if (above.isPresent()) {
                return above;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the current directory
        }
        return above(Path.of("").toAbsolutePath());
    }

    private static Optional<Path> above(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (isRoot(p)) {
                return Optional.of(p.normalize());
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot(Path p) {
        return Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("cli"));
    }

    /** anvil from the project's npm install. */
    public static Path anvil(Path root) {
        return root.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
    }
}
