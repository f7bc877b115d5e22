package dev.br2k.replication.internal.log;

import dev.br2k.protocol.EntryStatus;
import dev.br2k.replication.RouteType;

/** The value of {@code status/<index>}: type, status, the leader that wrote it, and the stored response. */
public record EntryState(RouteType type, EntryStatus status, String leader, StoredResponse response) {
    public EntryState with(EntryStatus newStatus, String newLeader, StoredResponse newResponse) {
        return new EntryState(type, newStatus, newLeader, newResponse);
    }
}
