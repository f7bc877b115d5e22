package dev.br2k.registry.event;

import dev.br2k.registry.ServiceId;

/** An operator was approved ({@code approved}) or revoked. */
public record OperatorChanged(ServiceId serviceId, String operator, boolean approved, LogPosition position)
        implements RegistryEvent {
}
