package dev.br2k.watch.backend;

import dev.br2k.cluster.Br2kCluster;

import java.util.Optional;

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

    /** Releases the clusters' clients; the services keep running. */
    @Override
    default void close() {
    }
}
