package dev.br2k.replication.internal;

import dev.br2k.replication.StateHooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The default {@link StateHooks}: copies regular files, leaving out the runtime's {@code .br2k} directory. */
public enum DirectoryStateHooks implements StateHooks {
    INSTANCE;

    public static final String RUNTIME_DIR = ".br2k";

    @Override
    public void snapshot(Path stateDir, Path target) throws IOException {
        copyTree(stateDir, target);
    }

    @Override
    public void restore(Path source, Path stateDir) throws IOException {
        clear(stateDir);
        copyTree(source, stateDir);
    }

    /** Deletes everything in {@code dir} except the runtime's own directory. */
    public static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir) && !dir.relativize(p).startsWith(RUNTIME_DIR))
                    .sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    public static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.filter(p -> !p.equals(from) && !from.relativize(p).startsWith(RUNTIME_DIR)).sorted().toList();
        }
        for (Path p : paths) {
            Path dest = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(dest);
            } else {
                Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
