package dev.br2k.replication.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps backups in {@code <root>/<service>/v<version>-<unique>/<artifact>}. All replicas of a service
 * must see the same root (one machine, or a shared volume).
 */
public final class DirectoryBackupStore implements BackupStore {
    private final Path root;

    public DirectoryBackupStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    @Override
    public String store(String service, long version, Map<String, Path> artifacts) throws IOException {
        Path dir = root.resolve(service).resolve("v" + version + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(dir);
        for (var artifact : artifacts.entrySet()) {
            Path tmp = dir.resolve(artifact.getKey() + ".part");
            Files.copy(artifact.getValue(), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve(artifact.getKey()), StandardCopyOption.ATOMIC_MOVE);
        }
        return dir.toUri().toString();
    }

    @Override
    public void fetch(String location, String artifact, Path target) throws IOException {
        Path source = Path.of(URI.create(location)).resolve(artifact);
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(source.toString(), null,
                    "backup artifact is missing; check that every replica sees the same backup directory");
        }
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
