package dev.br2k.replication.internal.leader;

import dev.br2k.replication.internal.Json;
import dev.br2k.replication.internal.LeadershipLostException;
import dev.br2k.replication.internal.PendingRequest;
import dev.br2k.replication.internal.Replica;
import dev.br2k.replication.internal.log.EntryState;
import dev.br2k.replication.internal.log.EntryStatus;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.EtcdUnavailableException;
import dev.br2k.replication.internal.log.Keys;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Exactly-once retries (spec §1.4 step 6), the slow path. The append transaction requires every client
 * request id to be new; when one is not, this reads what the log says about it. A request recorded as
 * {@code SUCCESS} or {@code FAILED} is answered with the stored response and not run again; one an
 * earlier leader left {@code NULL}, {@code IGNORE} or {@code IN_PROCESS} was applied by no one, so it is
 * appended again as a new entry.
 */
final class AnsweredRequests {
    private final Replica r;

    AnsweredRequests(Replica replica) {
        this.r = replica;
    }

    /** What to do with a group whose ids are not all new. */
    record Resolution(List<PendingRequest> toAppend, Set<String> knownIds) { }

    Resolution resolve(List<PendingRequest> batch) {
        Keys k = r.keys();
        List<PendingRequest> withId = batch.stream().filter(PendingRequest::clientRequestId).toList();
        List<PendingRequest> toAppend = new ArrayList<>(batch);
        Set<String> known = new HashSet<>();
        if (withId.isEmpty()) {
            return new Resolution(toAppend, known);
        }
        List<GetResponse> ids = read(withId.stream().map(p -> Etcd.key(k.request(p.entry().requestId()))).toArray(Op[]::new));
        List<PendingRequest> found = new ArrayList<>();
        List<Op> statusGets = new ArrayList<>();
        for (int i = 0; i < withId.size(); i++) {
            if (!ids.get(i).getKvs().isEmpty()) {
                found.add(withId.get(i));
                known.add(withId.get(i).entry().requestId());
                statusGets.add(Etcd.key(k.status(Long.parseLong(Etcd.str(ids.get(i).getKvs().get(0).getValue())))));
            }
        }
        if (found.isEmpty()) {
            return new Resolution(toAppend, known);
        }
        List<GetResponse> states = read(statusGets.toArray(Op[]::new));
        for (int i = 0; i < found.size(); i++) {
            if (states.get(i).getKvs().isEmpty()) {
                continue; // its status was compacted away by a backup; the request is appended again
            }
            EntryState st = Json.read(states.get(i).getKvs().get(0).getValue().getBytes(), EntryState.class);
            if ((st.status() == EntryStatus.SUCCESS || st.status() == EntryStatus.FAILED) && st.response() != null) {
                toAppend.remove(found.get(i));
                r.metrics().duplicate();
                found.get(i).future().complete(st.response());
            }
        }
        return new Resolution(toAppend, known);
    }

    private List<GetResponse> read(Op[] gets) {
        try {
            return r.etcd().read(gets);
        } catch (EtcdUnavailableException e) {
            throw new LeadershipLostException("etcd did not answer a read: " + e.getMessage());
        }
    }
}
