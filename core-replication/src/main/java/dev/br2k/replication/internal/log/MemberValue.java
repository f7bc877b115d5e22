package dev.br2k.replication.internal.log;

/**
 * The value of {@code members/<replica>}, kept alive by a lease while the replica runs: where it is served,
 * the etcd member it sits beside, its role, and whether it could take over right now (a Follower that is
 * following, not one still stepping down, starting or restoring). Leadership is only handed to a ready one.
 */
public record MemberValue(String id, String url, String etcdMemberId, String role, Boolean ready) {
    /** True for a replica that can take over now (a value without the field was written by an older runtime). */
    public boolean canLead() {
        return ready == null || ready;
    }
}
