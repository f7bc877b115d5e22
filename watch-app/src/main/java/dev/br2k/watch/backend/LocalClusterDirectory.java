package dev.br2k.watch.backend;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.local.LocalCluster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds services deployed as local processes under one base directory (the sandbox's), by the state
 * file {@link LocalCluster} keeps for each service. Opened clusters are cached and closed with this.
 */
public final class LocalClusterDirectory implements ClusterDirectory {

    private final Path baseDir;
    private final Map<String, Br2kCluster> open = new LinkedHashMap<>();

    public LocalClusterDirectory(Path baseDir) {
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    }

    public Path baseDir() {
        return baseDir;
    }

    @Override
    public synchronized Optional<Br2kCluster> cluster(String serviceName) {
        Br2kCluster cluster = open.get(serviceName);
        if (cluster == null) {
            if (!LocalCluster.exists(baseDir, serviceName)) {
                return Optional.empty();
            }
            cluster = LocalCluster.open(baseDir, serviceName);
            open.put(serviceName, cluster);
        }
        return Optional.of(cluster);
    }

    /** Adds a cluster this process already holds (e.g. one it deployed), so it is not opened twice. */
    public synchronized void register(Br2kCluster cluster) {
        open.put(cluster.service(), cluster);
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Br2kCluster::close);
        open.clear();
    }
}
