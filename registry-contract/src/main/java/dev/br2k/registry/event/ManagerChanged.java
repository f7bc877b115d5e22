package dev.br2k.registry.event;

import dev.br2k.registry.ServiceId;

/** The proposed manager accepted: {@code newManager} manages the service now. */
public record ManagerChanged(ServiceId serviceId, String previousManager, String newManager, LogPosition position)
        implements RegistryEvent {
}
