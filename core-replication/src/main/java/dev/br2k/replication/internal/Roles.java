package dev.br2k.replication.internal;

import dev.br2k.replication.internal.leader.Fence;

/**
 * The role changes a feature may ask for (spec §1.2). The {@link RoleController} carries them out: it stops the
 * leader pipeline where needed and wakes the role loop. Safe to call from any thread.
 */
public interface Roles {
    /** A Follower whose etcd member leads starts taking the leader key. */
    void becomeRegister();

    /** Called once this replica holds the leader key and has prepared the log: it starts serving. */
    void becomeLeader(Fence fence, long logSize);

    /** Leaves the leader (or register) role; pending requests get 503. */
    void stepDown(String reason);

    /** Marks the local state as possibly inconsistent; the role loop restores it. */
    void becomeLearner(String reason);

    /** A Learner that restored its state follows the log. */
    void becomeFollower();
}
