package dev.br2k.cli.sandbox;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The class path of a sandbox replica ({@link SandboxReplica}): InfoDID's own class path first, then the
 * CLI's (for SandboxReplica and the registry client), leaving out every CLI jar of an artifact InfoDID
 * already has, in whatever version (Vert.x, Netty, Jackson, ...): each artifact comes from one place, and
 * InfoDID's runtime keeps exactly the libraries it was built with.
 */
final class SandboxClasspath {
    private SandboxClasspath() {
    }

    static List<Path> of(List<Path> infodid, String cliClasspath) {
        List<Path> out = new ArrayList<>(infodid);
        Set<Path> seen = new HashSet<>();
        Set<String> artifacts = new HashSet<>();
        Set<String> looseStems = new HashSet<>();
        Set<String> allStems = new HashSet<>();
        for (Path p : infodid) {
            seen.add(p.toAbsolutePath().normalize());
            Optional<String> artifact = mavenArtifact(p);
            artifact.ifPresent(artifacts::add);
            stem(p).ifPresent(s -> {
                allStems.add(s);
                if (artifact.isEmpty()) {
                    looseStems.add(s);
                }
            });
        }
        for (String entry : cliClasspath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry);
            if (!seen.add(p.toAbsolutePath().normalize())) {
                continue;
            }
            Optional<String> artifact = mavenArtifact(p);
            Optional<String> stem = stem(p);
            boolean known = artifact.isPresent()
                    ? artifacts.contains(artifact.get()) || stem.map(looseStems::contains).orElse(false)
                    : stem.map(allStems::contains).orElse(false);
            if (!known) {
                out.add(p);
            }
        }
        return out;
    }

    /** {@code org/web3j/core} for {@code .../repository/org/web3j/core/5.0.0/core-5.0.0.jar}; empty outside a Maven repository. */
    static Optional<String> mavenArtifact(Path jar) {
        String path = jar.toAbsolutePath().normalize().toString().replace(File.separatorChar, '/');
        int repo = path.lastIndexOf("/repository/");
        Path version = jar.getParent();
        Path artifact = version == null ? null : version.getParent();
        if (repo < 0 || artifact == null || artifact.getFileName() == null
                || !jar.getFileName().toString().startsWith(artifact.getFileName() + "-" + version.getFileName())) {
            return Optional.empty();
        }
        String dir = artifact.toAbsolutePath().normalize().toString().replace(File.separatorChar, '/');
        return Optional.of(dir.substring(repo + "/repository/".length()));
    }

    /** A jar's name without its version: {@code vertx-core} for {@code vertx-core-4.5.13.jar}; empty for a directory. */
    static Optional<String> stem(Path jar) {
        String name = jar.getFileName() == null ? "" : jar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            return Optional.empty();
        }
        return Optional.of(name.replaceFirst("-[0-9][^/]*\\.jar$", "").replaceFirst("\\.jar$", ""));
    }
}
