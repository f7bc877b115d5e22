package dev.br2k.replication;

/** The role a replica plays right now (spec §1.2). */
public enum Role {
    /** Applies the log as the leader records it; redirects clients to the leader. */
    FOLLOWER,
    /** Its etcd member is the Raft leader: it is taking the leader key and preparing to serve. */
    REGISTER,
    /** Serves clients and writes the log. */
    LEADER,
    /** Its local state may be inconsistent: it is restoring the newest backup. */
    LEARNER
}
