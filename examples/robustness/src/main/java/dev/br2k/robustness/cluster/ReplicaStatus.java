package dev.br2k.robustness.cluster;

import java.util.Optional;

/** What a replica answered on {@code GET /br2k/status}; {@code leader} is empty when it knows none. */
public record ReplicaStatus(String id, String role, long lpi, long ssi, long logSize, Optional<String> leader) {
    public boolean leading() {
        return "LEADER".equals(role);
    }

    public boolean following() {
        return "FOLLOWER".equals(role);
    }
}
