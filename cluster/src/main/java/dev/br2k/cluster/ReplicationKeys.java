package dev.br2k.cluster;

import dev.br2k.protocol.MemberValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The service's replication keys in etcd (spec §1.3), as the protocol decodes them.
 *
 * @param logSize      {@code log-size}, -1 when absent
 * @param serviceState {@code service-state} (SSI); -1 while a backup runs or when absent
 * @param stateVersion {@code state-version}, 0 when absent
 * @param leader       replica id in {@code leader}, empty when no replica holds it
 * @param lpi          {@code lpi/<replica>} per replica
 * @param ssv          {@code ssv/<replica>} per replica
 * @param members      {@code members/<replica>} per live replica: advertised URL, etcd member id, role, readiness
 */
public record ReplicationKeys(long logSize, long serviceState, long stateVersion, Optional<String> leader,
                             Map<String, Long> lpi, Map<String, Long> ssv, Map<String, MemberValue> members) {

    public static final ReplicationKeys EMPTY =
            new ReplicationKeys(-1, -1, 0, Optional.empty(), Map.of(), Map.of(), Map.of());

    public ReplicationKeys {
        Objects.requireNonNull(leader, "leader");
        lpi = Map.copyOf(lpi);
        ssv = Map.copyOf(ssv);
        members = Map.copyOf(members);
    }
}
