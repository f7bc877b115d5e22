package dev.br2k.protocol;

import java.util.Arrays;

/** The role a replica plays right now (spec §1.2), as {@code /br2k/status} and {@code members/<replica>} carry it. */
public enum Role {
    /** Applies the log as the leader records it; redirects clients to the leader. */
    FOLLOWER,
    /** Its etcd member is the Raft leader: it is taking the leader key and preparing to serve. */
    REGISTER,
    /** Serves clients and writes the log. */
    LEADER,
    /** Its local state may be inconsistent: it is restoring the newest backup. */
    LEARNER;

    /** The role named exactly as the runtime writes it ({@code LEADER}, ...). */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equals(text)) {
                return role;
            }
        }
        throw new ProtocolException("'" + text + "' is not a replica role; expected one of " + Arrays.toString(values()));
    }
}
