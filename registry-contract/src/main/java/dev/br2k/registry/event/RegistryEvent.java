package dev.br2k.registry.event;

import dev.br2k.registry.ServiceId;

/**
 * Something that changed in the registry, decoded from one contract event. Switch over the
 * permitted records to handle each kind:
 *
 * <pre>{@code
 * switch (event) {
 *     case LocationChanged l -> ui.showLocation(l.serviceId(), l.location());
 *     case ClaimSent c -> ui.notifyClaim(c);
 *     default -> { }
 * }
 * }</pre>
 */
public sealed interface RegistryEvent permits ServiceRegistered, DetailsChanged, LocationChanged, RunStateChanged,
        ReplicaCountChanged, BackupAppended, ClaimSent, OperatorChanged, ManagerTransferStarted, ManagerChanged {

    /** The service the event is about. */
    ServiceId serviceId();

    /** Where on the chain the event was emitted. */
    LogPosition position();
}
