package dev.br2k.replication.internal;

import dev.br2k.protocol.MemberValue;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcd.jetcd.options.LeaseOption;
import dev.br2k.replication.internal.log.ServiceStore;
import java.net.URI;
import java.util.Map;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * {@code members/<replica>}: where each running replica is served and which etcd member it sits beside,
 * held by a lease of {@value #TTL_SECONDS} s that the role loop renews. A replica that dies loses its key.
 *
 * <p>The leader condition ties BR2K's leader to etcd's Raft leader, so a crashed service beside a healthy
 * Raft leader would leave the service without a leader. When no live replica sits beside the Raft leader,
 * or the one there has not answered as leader ({@link LeaderProbe}), for {@value #LEADERLESS_NANOS} ns, the
 * live replica with the lowest id among the others asks etcd to move Raft leadership to its own member
 * (MoveLeader), and then takes over in the usual way.
 */
public final class Membership {
    static final int TTL_SECONDS = 5;
    /** How long the Raft leader must have had no live replica beside it before this replica acts. */
    static final long LEADERLESS_NANOS = 1_200_000_000L;
    /** A replica that just started waits this long, so that every running replica has registered. */
    static final long MIN_UPTIME_NANOS = 2_000_000_000L;
    /** How far behind the log a replica may be and still take over itself. */
    static final long HANDOFF_LAG = 50;
    private final ReplicaContext r;
    private final long startedAt = System.nanoTime();
    private long leaderlessSince;
    private long leaderlessMember;
    private long leaseId;
    private MemberValue published;
    private long lastRefresh;
    private long lastNudge;
    private long lastHandOff;

    Membership(ReplicaContext replica) {
        this.r = replica;
    }

    /** {@code ready}: whether this replica could lead now (a replica that cannot says so in its key). */
    void refresh(String etcdMemberId, boolean ready) {
        long now = System.currentTimeMillis();
        MemberValue value = new MemberValue(r.id(), r.state().url().toString(), etcdMemberId, r.state().role(), ready);
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
            r.store().publishMember(value, id);
            leaseId = id;
            published = value;
            lastRefresh = now;
        } catch (RuntimeException e) {
            leaseId = 0;
            r.log().warn("cannot renew its member key (retrying at the next role check; the key lapses {} s after the last renewal): {}",
                    TTL_SECONDS, e.toString());
        }
    }

    /**
     * On a follower: when the Raft leader's member has no replica beside it that leads (none registered,
     * or the leader has failed every {@link LeaderProbe} for {@value #LEADERLESS_NANOS} ns), the live
     * replica with the lowest id among the others moves Raft leadership to its own member.
     */
    void nudgeIfLeaderless(StatusResponse status, LeaderProbe probe) {
        long now = System.currentTimeMillis();
        if (status.getLeader() == 0 || published == null || published.etcdMemberId().isEmpty()) {
            return;
        }
        String raftLeader = Long.toHexString(status.getLeader());
        List<MemberValue> live = r.store().members();
        Optional<MemberValue> beside = live.stream().filter(m -> m.etcdMemberId().equals(raftLeader)).findFirst();
        Optional<URI> holder = r.state().knownLeader().map(l -> URI.create(l.url()));
        long nanos = System.nanoTime();
        boolean besideHoldsKey = beside.isPresent() && r.state().knownLeader().map(l -> l.id().equals(beside.get().id())).orElse(false);
        if (besideHoldsKey) {
            long failing = holder.map(probe::failingFor).orElse(0L);
            boolean gone = holder.map(u -> probe.refusing(u, 3)).orElse(false);
            if (failing < LEADERLESS_NANOS && !gone) {
                leaderlessSince = 0;
                return;
            }
            // the leader has not answered since then; a refused connection says its process is gone
            leaderlessSince = gone ? nanos - LEADERLESS_NANOS : nanos - failing;
            leaderlessMember = status.getLeader();
        } else if (beside.isPresent() && !beside.get().canLead()) {
            // the replica beside the Raft leader says it cannot take over (starting, restoring): act now
            leaderlessSince = nanos - LEADERLESS_NANOS;
            leaderlessMember = status.getLeader();
        } else if (leaderlessSince == 0 || leaderlessMember != status.getLeader()) {
            // nobody sits beside the Raft leader, or the replica there has not taken the leader key yet:
            // give it the time a takeover needs before acting
            leaderlessSince = nanos;
            leaderlessMember = status.getLeader();
            return;
        }
        // act only on a sustained condition, not right after starting, and not again at once
        if (nanos - leaderlessSince < LEADERLESS_NANOS || nanos - startedAt < MIN_UPTIME_NANOS || now - lastNudge < 2000) {
            return;
        }
        Optional<MemberValue> first = live.stream()
                .filter(m -> !m.etcdMemberId().isEmpty() && !m.etcdMemberId().equals(raftLeader) && m.canLead())
                .filter(m -> r.state().knownLeader().map(l -> !l.id().equals(m.id())).orElse(true))
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
            r.log().warn("the Raft leader {} has no replica beside it that leads ({}): moving Raft leadership to this replica's member",
                    raftLeader, beside.map(m -> m.id() + (besideHoldsKey ? " does not answer as leader"
                            : m.canLead() ? " has not taken over" : " is " + m.role() + " and not ready to lead"))
                            .orElse("none is registered"));
            try (Client direct = r.access().clientBuilder(List.of(leader.get().getClientURIs().get(0))).build()) {
                direct.getMaintenanceClient().moveLeader(status.getHeader().getMemberId()).get(2, TimeUnit.SECONDS);
            }
            r.wake().poke();
        } catch (Exception e) {
            r.log().warn("cannot move Raft leadership: {}", e.toString());
        }
    }

    /**
     * Called when this replica's member has become Raft leader while the replica is far behind the log
     * (e.g. it has just restored): rather than replay the backlog while the service waits, it hands Raft
     * leadership to a live replica that is at least {@value #HANDOFF_LAG} entries ahead, the one furthest
     * along first. A candidate must answer {@code /br2k/status} as a Follower right now ({@link
     * LeaderProbe#followingAt}): the {@code lpi} and member key it left in etcd outlive a replica that has
     * frozen, lost its etcd member or restarts, and leadership handed to such a one waits for a takeover that
     * never comes. Returns true if leadership was handed on.
     *
     * @throws InterruptedException if the thread is interrupted while asking a candidate
     */
    boolean handOffIfBehind(StatusResponse status, LeaderProbe probe) throws InterruptedException {
        long now = System.currentTimeMillis();
        if (now - lastHandOff < 3000) {
            return false; // tried a moment ago and still lead: take over rather than leave the service waiting
        }
        ServiceStore.Replicas replicas = r.store().replicas();
        long size = replicas.logSize();
        if (size - r.state().lpi() <= HANDOFF_LAG) {
            return false;
        }
        Map<String, Long> lpis = replicas.lpis();
        List<MemberValue> ahead = replicas.members().stream()
                .filter(m -> !m.id().equals(r.id()) && !m.etcdMemberId().isEmpty() && m.canLead())
                .filter(m -> lpis.getOrDefault(m.id(), 0L) - r.state().lpi() > HANDOFF_LAG)
                .sorted(Comparator.comparingLong((MemberValue m) -> lpis.getOrDefault(m.id(), 0L)).reversed())
                .toList();
        for (MemberValue candidate : ahead) {
            OptionalLong applied = probe.followingAt(URI.create(candidate.url()));
            if (applied.isEmpty() || applied.getAsLong() - r.state().lpi() <= HANDOFF_LAG) {
                r.log().info("{} is ahead in etcd but does not answer as a Follower that far along: not handing Raft leadership to it",
                        candidate.id());
                continue;
            }
            lastHandOff = now;
            r.log().warn("its etcd member leads, but this replica is {} entries behind the log and {} is {} ahead: "
                    + "handing Raft leadership to {}", size - r.state().lpi(), candidate.id(), applied.getAsLong() - r.state().lpi(), candidate.id());
            try (Client direct = r.access().clientBuilder(List.of(r.config().etcdEndpoints().get(0))).build()) {
                direct.getMaintenanceClient().moveLeader(Long.parseUnsignedLong(candidate.etcdMemberId(), 16))
                        .get(2, TimeUnit.SECONDS);
                return true;
            } catch (ExecutionException | TimeoutException e) {
                r.log().warn("cannot hand Raft leadership on ({}): taking over instead", e.toString());
                return false;
            }
        }
        lastHandOff = now;
        return false;
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
