package dev.br2k.cluster;

import java.util.List;
import java.util.Objects;

/**
 * One etcd cluster member.
 *
 * @param id         member id in hex, as etcdctl prints it
 * @param name       member name; empty for a member that was added and has not started yet
 * @param peerUrls   its peer URLs
 * @param clientUrls its client URLs; empty until it has started
 */
public record MemberInfo(String id, String name, List<String> peerUrls, List<String> clientUrls) {

    public MemberInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        peerUrls = List.copyOf(peerUrls);
        clientUrls = List.copyOf(clientUrls);
    }

    /** True when the member was added but its etcd has not joined yet. */
    public boolean started() {
        return !name.isEmpty();
    }
}
