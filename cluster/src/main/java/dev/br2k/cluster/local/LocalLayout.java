package dev.br2k.cluster.local;

import java.nio.file.Path;

/**
 * Where a local cluster keeps things, under {@code <baseDir>/<service>/}: {@code cluster.json},
 * {@code backups/} (the off-chain backup directory all replicas share), {@code backup-log.jsonl}
 * (stands in for the registry's backup log), {@code location} (the published leader URL), {@code admin-token}
 * (0600: the replicas' admin token), and per
 * replica {@code replicas/<name>/etcd}, {@code state}, {@code logs/service.log}, {@code logs/etcd.log}.
 */
public record LocalLayout(Path root) {

    public Path backups() {
        return root.resolve("backups");
    }

    public Path backupLog() {
        return root.resolve("backup-log.jsonl");
    }

    public Path locationFile() {
        return root.resolve("location");
    }

    /** The service's admin token (0600), passed to every replica as {@code BR2K_ADMIN_TOKEN_FILE}. */
    public Path adminTokenFile() {
        return root.resolve("admin-token");
    }

    public Path replicaDir(String replica) {
        return root.resolve("replicas").resolve(replica);
    }

    public Path etcdData(String replica) {
        return replicaDir(replica).resolve("etcd");
    }

    /** True when the replica's etcd has data it can restart from. */
    public boolean hasEtcdData(String replica) {
        return java.nio.file.Files.isDirectory(etcdData(replica).resolve("member"));
    }

    public Path stateDir(String replica) {
        return replicaDir(replica).resolve("state");
    }

    /** The log of a replica's {@code service} or {@code etcd} process. */
    public Path log(String replica, String container) {
        return replicaDir(replica).resolve("logs").resolve(container + ".log");
    }
}
