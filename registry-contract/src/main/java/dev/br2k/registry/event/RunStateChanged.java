package dev.br2k.registry.event;

import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceId;

/** The run state changed, reported by {@code by}. */
public record RunStateChanged(ServiceId serviceId, RunState state, String by, LogPosition position)
        implements RegistryEvent {
}
