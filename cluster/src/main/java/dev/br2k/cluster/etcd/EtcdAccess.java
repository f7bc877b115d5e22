package dev.br2k.cluster.etcd;

import dev.br2k.cluster.MemberInfo;

import java.util.List;
import java.util.Map;

/** What the cluster operations need of a service's etcd cluster. */
public interface EtcdAccess extends AutoCloseable {

    /** The current member list. */
    List<MemberInfo> members();

    /**
     * Adds a member with this peer URL, or returns the existing one when a member already has it
     * (so a re-run after a crash does not add twice). Retries while etcd refuses with
     * "unhealthy cluster" (its reconfiguration safety check) or "member not found" (the URL added,
     * removed and added again within one second: etcd's member ids depend on the second), up to about
     * 30 s.
     */
    MemberInfo addMember(String peerUrl);

    /**
     * Adds a non-voting member (an etcd learner) with this peer URL, or returns the existing member with it,
     * retrying as {@link #addMember} does. A learner does not count for the quorum until {@link #promote}d, so a
     * member whose pod never starts cannot cost the cluster its majority.
     */
    MemberInfo addLearner(String peerUrl);

    /**
     * Promotes a learner to a voting member: true when it votes now (also when it already did), false while etcd
     * refuses because the learner has not caught up with the leader yet (try again later).
     */
    boolean promote(String memberIdHex);

    /** Removes the member with this id (hex); true when it was removed, false when it was not a member. */
    boolean removeMember(String memberIdHex);

    /** Every key under the prefix with its value, as UTF-8 strings. */
    Map<String, String> range(String prefix);

    @Override
    default void close() {
    }
}
