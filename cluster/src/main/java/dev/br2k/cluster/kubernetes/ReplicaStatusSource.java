package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.ReplicaStatus;

import java.util.Optional;

/** Reads a pod's {@code /br2k/status}; empty when it does not answer. */
@FunctionalInterface
public interface ReplicaStatusSource {

    Optional<ReplicaStatus> read(String namespace, String pod, int port);
}
