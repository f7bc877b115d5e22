package dev.br2k.replication.internal;

import dev.br2k.replication.internal.log.Etcd;
import dev.br2k.replication.internal.log.MemberValue;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcd.jetcd.options.LeaseOption;
import io.etcd.jetcd.options.PutOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code members/<replica>}: where each running replica is served and which etcd member it sits beside,
 * held by a lease of {@value #TTL_SECONDS} s that the role loop renews. A replica that dies loses its key.
 *
 * <p>The leader condition ties BR2K's leader to etcd's Raft leader, so a crashed service beside a healthy
 * Raft leader would leave the service without a leader. When no live replica sits beside the Raft leader,
 * for {@value #LEADERLESS_NANOS} ns, the live replica with the lowest id asks etcd to move Raft leadership
 * to its own member (MoveLeader), and then takes over in the usual way.
 */
public final class Membership {
    static final int TTL_SECONDS = 5;
    /** How long the Raft leader must have had no live replica beside it before this replica acts. */
    static final long LEADERLESS_NANOS = 3_000_000_000L;
    private final Replica r;
    private final long startedAt = System.nanoTime();
    private long leaderlessSince;
    private long leaderlessMember;
    private long leaseId;
    private MemberValue published;
    private long lastRefresh;
    private long lastNudge;

    Membership(Replica replica) {
        this.r = replica;
    }

    void refresh(String etcdMemberId) {
        long now = System.currentTimeMillis();
        MemberValue value = new MemberValue(r.id(), r.url().toString(), etcdMemberId);
        if (now - lastRefresh < 1000 && value.equals(published)) {
            return;
        }
        try {
            if (leaseId != 0 && value.equals(published)) {
                var ttl = r.etcd().await(r.client().getLeaseClient().timeToLive(leaseId, LeaseOption.DEFAULT));
                if (ttl.getTTL() > 0) {
                    r.etcd().await(r.client().getLeaseClient().keepAliveOnce(leaseId));
                    lastRefresh = now;
                    return;
                }
            }
            long id = leaseId;
            if (id == 0 || !value.equals(published)) {
                id = r.etcd().await(r.client().getLeaseClient().grant(TTL_SECONDS)).getID();
            }
            r.etcd().await(r.client().getKVClient().put(Etcd.bs(r.keys().member(r.id())), Etcd.bs(Json.bytes(value)),
                    PutOption.builder().withLeaseId(id).build()));
            leaseId = id;
            published = value;
            lastRefresh = now;
        } catch (RuntimeException e) {
            leaseId = 0;
            r.log().debug("cannot refresh membership: {}", e.toString());
        }
    }

    void nudgeIfLeaderless(StatusResponse status) {
        long now = System.currentTimeMillis();
        if (status.getLeader() == 0 || now - lastNudge < 2000 || published == null || published.etcdMemberId().isEmpty()) {
            return;
        }
        String raftLeader = Long.toHexString(status.getLeader());
        List<MemberValue> live = r.etcd().getPrefix(r.keys().membersPrefix()).stream()
                .map(KeyValue::getValue).map(v -> Json.read(v.getBytes(), MemberValue.class)).toList();
        if (live.stream().anyMatch(m -> m.etcdMemberId().equals(raftLeader))) {
            leaderlessSince = 0;
            return;
        }
        long nanos = System.nanoTime();
        if (leaderlessSince == 0 || leaderlessMember != status.getLeader()) {
            leaderlessSince = nanos;
            leaderlessMember = status.getLeader();
            return;
        }
        // act only on a sustained condition, and not before every replica had time to register
        if (nanos - leaderlessSince < LEADERLESS_NANOS || nanos - startedAt < TTL_SECONDS * 1_000_000_000L) {
            return;
        }
        Optional<MemberValue> first = live.stream().filter(m -> !m.etcdMemberId().isEmpty())
                .min(Comparator.comparing(MemberValue::id));
        if (first.isEmpty() || !first.get().id().equals(r.id())) {
            return;
        }
        lastNudge = now;
        try {
            Optional<Member> leader = r.etcd().await(r.client().getClusterClient().listMember()).getMembers().stream()
                    .filter(m -> m.getId() == status.getLeader()).findFirst();
            if (leader.isEmpty() || leader.get().getClientURIs().isEmpty()) {
                return;
            }
            r.log().warn("no live replica sits beside the Raft leader {}: moving Raft leadership to this replica's member",
                    raftLeader);
            try (Client direct = Client.builder().endpoints(leader.get().getClientURIs().get(0)).build()) {
                direct.getMaintenanceClient().moveLeader(status.getHeader().getMemberId()).get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            r.log().warn("cannot move Raft leadership: {}", e.toString());
        }
    }

    void revoke() {
        try {
            if (leaseId != 0) {
                r.client().getLeaseClient().revoke(leaseId).get(1, TimeUnit.SECONDS);
            }
        } catch (Exception ignored) {
            // the lease expires on its own
        }
    }
}
