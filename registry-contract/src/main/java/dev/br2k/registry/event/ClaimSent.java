package dev.br2k.registry.event;

import dev.br2k.registry.ServiceId;

import java.util.OptionalLong;

/**
 * The contract's {@code Claim}: {@code claimant} asks the manager to recover the service.
 *
 * @param previousChange the block of the previous claim about this service, if any
 */
public record ClaimSent(ServiceId serviceId, String claimant, String reason, OptionalLong previousChange,
                        LogPosition position) implements RegistryEvent {
}
