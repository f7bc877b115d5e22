package dev.br2k.watch.backend;

import dev.br2k.cluster.Br2kCluster;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Several directories asked in order (the local sandbox first, then a Kubernetes context); closes them all. */
public final class ClusterDirectories implements ClusterDirectory {

    private final List<ClusterDirectory> directories;

    public ClusterDirectories(List<ClusterDirectory> directories) {
        this.directories = List.copyOf(directories);
    }

    @Override
    public Optional<Br2kCluster> cluster(String serviceName) {
        for (ClusterDirectory d : directories) {
            Optional<Br2kCluster> c = d.cluster(serviceName);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Br2kCluster> cluster(String serviceName, Supplier<byte[]> registeredContextHash) {
        for (ClusterDirectory d : directories) {
            Optional<Br2kCluster> c = d.cluster(serviceName, registeredContextHash);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        directories.forEach(ClusterDirectory::close);
    }
}
