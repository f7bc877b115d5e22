package dev.br2k.cli.home;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A named context in the BR2K config. A Kubernetes context points at a deployment-context file
 * (cluster module's format); a local context names the service and the directory its processes live in.
 *
 * @param name    the context's name
 * @param kind    kubernetes or local
 * @param file    the deployment-context file (kubernetes)
 * @param service the service name (local)
 * @param baseDir where the local cluster keeps its processes' data (local)
 */
public record ContextEntry(String name, ContextKind kind, Optional<Path> file, Optional<String> service, Optional<Path> baseDir) {
    public ContextEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(baseDir, "baseDir");
    }

    public static ContextEntry kubernetes(String name, Path file) {
        return new ContextEntry(name, ContextKind.KUBERNETES, Optional.of(file), Optional.empty(), Optional.empty());
    }

    public static ContextEntry local(String name, String service, Path baseDir) {
        return new ContextEntry(name, ContextKind.LOCAL, Optional.empty(), Optional.of(service), Optional.of(baseDir));
    }
}
