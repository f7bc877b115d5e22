package dev.br2k.replication.internal.log;

/** The value of {@code members/<replica>}, kept alive by a lease while the replica runs. */
public record MemberValue(String id, String url, String etcdMemberId) {
}
