package dev.br2k.cluster;

import java.util.Optional;

/**
 * Where recovery finds how to redeploy a service that is entirely gone: in practice the service
 * registry's client, adapted by the caller. Recovery of failed replicas does not use it.
 */
@FunctionalInterface
public interface RecoverySource {

    /** Nothing known: recovery can replace failed replicas but cannot redeploy a vanished service. */
    RecoverySource NONE = service -> Optional.empty();

    Optional<RecoveryPlan> plan(String service);
}
