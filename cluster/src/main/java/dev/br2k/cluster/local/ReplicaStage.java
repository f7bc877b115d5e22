package dev.br2k.cluster.local;

/** Where a local replica is in its life, persisted so that an interrupted add or reduce can be finished. */
public enum ReplicaStage {
    /** Being added: its etcd member may or may not be added yet. */
    JOINING,
    /** A full member of the service. */
    ACTIVE,
    /** Being removed: its etcd member may or may not be removed yet. */
    LEAVING
}
