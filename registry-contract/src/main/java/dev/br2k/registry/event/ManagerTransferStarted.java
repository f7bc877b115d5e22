package dev.br2k.registry.event;

import dev.br2k.registry.ServiceId;

import java.util.Optional;

/** The manager proposed {@code pendingManager} as the next manager; empty when it cancelled a proposal. */
public record ManagerTransferStarted(ServiceId serviceId, String manager, Optional<String> pendingManager,
                                     LogPosition position) implements RegistryEvent {
}
