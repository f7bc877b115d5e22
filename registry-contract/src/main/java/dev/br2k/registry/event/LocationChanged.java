package dev.br2k.registry.event;

import dev.br2k.registry.ServiceId;

/** The contract's {@code NewLocation}: the service is now served at {@code location}, published by {@code by}. */
public record LocationChanged(ServiceId serviceId, String location, String by, LogPosition position)
        implements RegistryEvent {
}
