package dev.br2k.registry.event;

import dev.br2k.registry.ServiceDetails;
import dev.br2k.registry.ServiceId;

import java.util.OptionalLong;

/**
 * The service's off-chain details were set (at registration or later).
 *
 * @param previousChange the block of the previous {@code DetailsChanged} of this service, if any
 */
public record DetailsChanged(ServiceId serviceId, ServiceDetails details, OptionalLong previousChange,
                             LogPosition position) implements RegistryEvent {
}
