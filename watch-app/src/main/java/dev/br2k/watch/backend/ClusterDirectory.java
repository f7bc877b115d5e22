package dev.br2k.watch.backend;

import dev.br2k.cluster.Br2kCluster;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the Watch finds the deployment of a registered service: a local sandbox, a Kubernetes
 * context. Services without one are shown from the registry alone (no replicas, logs or
 * scaling), with a hint how to attach them.
 */
@FunctionalInterface
public interface ClusterDirectory extends AutoCloseable {

    ClusterDirectory NONE = service -> Optional.empty();

    /** The cluster running the service with this name, if the Watch knows one. */
    Optional<Br2kCluster> cluster(String serviceName);

    /**
     * The cluster of a registered service whose registry entry holds {@code registeredContextHash} (read only when
     * needed: it costs a registry call): a directory that reads the deployment context back from the cluster
     * (Kubernetes) gives an operable cluster only when the context kept there hashes to it. Others ignore it.
     */
    default Optional<Br2kCluster> cluster(String serviceName, Supplier<byte[]> registeredContextHash) {
        return cluster(serviceName);
    }

    /** Releases the clusters' clients; the services keep running. */
    @Override
    default void close() {
    }
}
