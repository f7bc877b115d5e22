package dev.br2k.testkit.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * etcd's JSON gateway over plain HTTP without auth ({@link EtcdHttp#PLAIN}), for tests of plain clusters.
 * A TLS cluster's own client is {@code EtcdCluster.gateway()}.
 */
public final class PlainEtcdHttp {

    private PlainEtcdHttp() {
    }

    public static EtcdHttp.Status status(URI clientUrl) {
        return EtcdHttp.PLAIN.status(clientUrl);
    }

    public static List<EtcdHttp.Member> members(URI clientUrl) {
        return EtcdHttp.PLAIN.members(clientUrl);
    }

    public static List<EtcdHttp.Member> addMember(URI clientUrl, String peerUrl) {
        return EtcdHttp.PLAIN.addMember(clientUrl, peerUrl);
    }

    public static void removeMember(URI clientUrl, long memberId) {
        EtcdHttp.PLAIN.removeMember(clientUrl, memberId);
    }

    public static void put(URI clientUrl, String key, String value) {
        EtcdHttp.PLAIN.put(clientUrl, key, value);
    }

    /** A linearizable read of one key. */
    public static Optional<String> get(URI clientUrl, String key) {
        return EtcdHttp.PLAIN.get(clientUrl, key);
    }
}
