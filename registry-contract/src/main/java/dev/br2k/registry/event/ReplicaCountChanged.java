package dev.br2k.registry.event;

import dev.br2k.registry.ServiceId;

/** The contract's {@code ReplicaCount}: the replica count or the maximum changed; both current values. */
public record ReplicaCountChanged(ServiceId serviceId, int replicaCount, int maxReplicas, LogPosition position)
        implements RegistryEvent {
}
