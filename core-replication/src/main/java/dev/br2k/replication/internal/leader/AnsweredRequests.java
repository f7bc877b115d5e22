package dev.br2k.replication.internal.leader;

import dev.br2k.protocol.KeyLayout;
import dev.br2k.replication.RouteType;
import dev.br2k.replication.internal.EntryContext;
import dev.br2k.replication.internal.Json;
import dev.br2k.replication.internal.LeadershipLostException;
import dev.br2k.replication.internal.PendingRequest;
import dev.br2k.replication.internal.ReplicaContext;
import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.EtcdCallFailedException;
import dev.br2k.replication.internal.log.RequestRecord;
import dev.br2k.replication.internal.log.StoredResponse;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Exactly-once retries (spec §1.4). Before a group runs, this reads {@code request/<version>/<id>} of every
 * client request id in it that may be recorded, in this state version and the one before (one read, no write; the
 * commit also requires the new ids to be absent). Which ids may be recorded it knows from a {@link RequestIdIndex}
 * loaded on the leader's first group, so a group of new requests runs without any read. A request whose outcome
 * was recorded ({@code SUCCESS} or {@code FAILED}, stored with the id) is answered with the stored response and
 * not run again, even after one backup compacted its entry away; one an earlier leader left {@code NULL},
 * {@code IGNORE} or {@code IN_PROCESS} was applied by no one, so it is appended again as a new entry.
 *
 * <p>Only-once requests are at most once (I6): an earlier leader may have run the handler (its external
 * effect happened) and stopped before recording the outcome. A retry of an only-once id that is in the log
 * without a recorded outcome gets 409 "outcome unknown" and never a second run.
 */
final class AnsweredRequests {
    private final ReplicaContext r;
    private final int maxIndexed;
    /** Null until loaded, or while there are too many ids to hold: then every group's ids are read. */
    private RequestIdIndex index;
    /** The state version the index was last loaded for (-1: never); a new version loads it again. */
    private long loadedFor = -1;

    AnsweredRequests(ReplicaContext replica, int maxIndexed) {
        this.r = replica;
        this.maxIndexed = maxIndexed;
    }

    /** What to do with a group whose ids are not all new. */
    record Resolution(List<PendingRequest> toAppend, Set<String> knownIds) { }

    Resolution resolve(List<PendingRequest> batch) {
        KeyLayout k = r.keys();
        long sv = r.state().ssv();
        List<PendingRequest> withId = batch.stream().filter(PendingRequest::clientRequestId).toList();
        List<PendingRequest> toAppend = new ArrayList<>(batch);
        Set<String> known = new HashSet<>();
        RequestIdIndex ids = index(sv);
        if (ids != null) {
            withId = withId.stream().filter(p -> ids.mayBeRecorded(p.entry().requestId())).toList();
        }
        if (withId.isEmpty()) {
            return new Resolution(toAppend, known);
        }
        List<Op> gets = new ArrayList<>();
        // Served by the leader's own member without a consensus round: only the leader writes request ids, its
        // member (the Raft leader) applied every earlier leader's writes before this leader's takeover, and the
        // commit still requires the new ids to be absent, so a stale answer could only make that commit fail.
        for (PendingRequest p : withId) {
            gets.add(Etcd.key(k.request(sv, p.entry().requestId()), true));
            gets.add(Etcd.key(k.request(sv - 1, p.entry().requestId()), true));
        }
        List<GetResponse> got = read(gets.toArray(Op[]::new));
        for (int i = 0; i < withId.size(); i++) {
            PendingRequest p = withId.get(i);
            Optional<RequestRecord> current = record(got.get(2 * i));
            Optional<RequestRecord> previous = record(got.get(2 * i + 1));
            if (current.isEmpty() && previous.isEmpty()) {
                continue;
            }
            known.add(p.entry().requestId());
            Optional<StoredResponse> answer = current.or(() -> previous).filter(RequestRecord::answered)
                    .map(RequestRecord::response);
            if (answer.isPresent()) {
                toAppend.remove(p);
                r.metrics().duplicate();
                p.future().complete(answer.get());
            } else if (p.entry().type() == RouteType.ONLY_ONCE) {
                toAppend.remove(p);
                r.metrics().duplicate();
                p.future().complete(outcomeUnknown(p.entry().requestId()));
            }
        }
        return new Resolution(toAppend, known);
    }

    /** A confirmed commit recorded these entries' request ids in the current state version. */
    void recorded(List<Staged> chunk) {
        if (index != null) {
            for (Staged s : chunk) {
                index.recorded(s.request().entry().requestId());
            }
        }
    }

    /** The index for state version {@code sv}: loaded on first use, moved on by a backup; null while reading etcd. */
    private RequestIdIndex index(long sv) {
        if (index != null && index.version() != sv && !index.movedTo(sv)) {
            index = null; // not a backup's step of one: read the ids again
        }
        if (index == null && loadedFor != sv) {
            loadedFor = sv; // too many ids now may be few after the next backup
            try {
                index = RequestIdIndex.load(r.etcd(), r.keys(), sv, maxIndexed).orElse(null);
            } catch (EtcdCallFailedException e) {
                throw new LeadershipLostException("etcd did not answer a read: " + e.getMessage());
            }
            if (index == null) {
                r.log().info("more than {} request ids are recorded in state versions {} and {}: the leader reads the ids "
                        + "of every group from etcd (a backup deletes the older version's ids)", maxIndexed, sv, sv - 1);
            } else {
                r.log().debug("holds the {} request ids of state versions {} and {}", index.size(), sv, sv - 1);
            }
        }
        return index;
    }

    static StoredResponse outcomeUnknown(String requestId) {
        return EntryContext.error(409, "outcome unknown: the only-once request " + requestId + " was started by a leader "
                + "that stopped before recording its outcome, so it may or may not have taken effect. It is not run "
                + "again (only-once requests run at most once); check its effect, and send it with a new "
                + "Br2k-Request-Id if it must run");
    }

    private static Optional<RequestRecord> record(GetResponse response) {
        return response.getKvs().isEmpty() ? Optional.empty()
                : Optional.of(Json.read(response.getKvs().get(0).getValue().getBytes(), RequestRecord.class));
    }

    private List<GetResponse> read(Op[] gets) {
        try {
            return r.etcd().read(gets);
        } catch (EtcdCallFailedException e) {
            throw new LeadershipLostException("etcd did not answer a read: " + e.getMessage());
        }
    }
}
