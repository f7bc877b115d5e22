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

    /** Removes the member with this id (hex); true when it was removed, false when it was not a member. */
    boolean removeMember(String memberIdHex);

    /** Every key under the prefix with its value, as UTF-8 strings. */
    Map<String, String> range(String prefix);

    @Override
    default void close() {
    }
}
