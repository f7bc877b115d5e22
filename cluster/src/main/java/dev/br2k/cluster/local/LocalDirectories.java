package dev.br2k.cluster.local;

import dev.br2k.cluster.ClusterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The one directory-tree delete of the deployment layer (the local cluster, the CLI's sandbox). */
public final class LocalDirectories {
    private LocalDirectories() {
    }

    /**
     * Deletes {@code dir} and everything under it.
     *
     * @return false when there was no such directory
     * @throws ClusterException naming the directory if something in it cannot be deleted
     */
    public static boolean deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException e) {
            throw new ClusterException("Cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
