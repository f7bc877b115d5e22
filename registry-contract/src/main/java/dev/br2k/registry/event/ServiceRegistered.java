package dev.br2k.registry.event;

import dev.br2k.registry.ServiceId;

/** A service was registered; {@code deployer} is its first manager. */
public record ServiceRegistered(ServiceId serviceId, String name, String deployer, int replicaCount, int maxReplicas,
                                LogPosition position) implements RegistryEvent {
}
