package dev.br2k.cluster;

/** Where a replica's processes (or pod) are, independent of its replication role. */
public enum ReplicaPhase {
    /** Both the etcd member and the service are running. */
    RUNNING,
    /** Created and starting: a pod being scheduled or pulled, a process started moments ago. */
    STARTING,
    /** Something of it died or keeps crashing; recovery replaces it. */
    FAILED,
    /** Stopped on purpose (pause); its data is kept. */
    STOPPED,
    /** The service should have this replica and nothing of it exists. */
    MISSING
}
