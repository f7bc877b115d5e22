package dev.br2k.replication.internal.leader;

import dev.br2k.protocol.EntryStatus;
import dev.br2k.replication.internal.PendingRequest;
import dev.br2k.replication.internal.log.StoredResponse;

/**
 * A request on its way through the leader: appended at {@code index}, and once its handler ran, the
 * status and response to record.
 */
record Staged(PendingRequest request, long index, EntryStatus status, StoredResponse response) {
    static Staged appended(PendingRequest request, long index) {
        return new Staged(request, index, EntryStatus.NULL, null);
    }

    Staged ran(EntryStatus newStatus, StoredResponse newResponse) {
        return new Staged(request, index, newStatus, newResponse);
    }

    /** Bytes the result adds to a transaction: the stored response twice (status and request id), encoded. */
    int resultSize() {
        return response == null ? 64 : 2 * dev.br2k.replication.internal.Json.bytes(response).length + 512;
    }
}
