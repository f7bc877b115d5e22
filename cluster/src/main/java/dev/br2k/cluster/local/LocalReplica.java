package dev.br2k.cluster.local;

import java.util.Optional;

/**
 * One local replica as persisted in the state file.
 *
 * @param name       replica id and etcd member name
 * @param index      ordinal
 * @param stage      joining, active or leaving
 * @param etcdClientPort etcd client port on 127.0.0.1
 * @param etcdPeerPort   etcd peer port on 127.0.0.1
 * @param httpPort   the service's HTTP port on 127.0.0.1
 * @param memberId   etcd member id (hex) once known
 * @param etcd       the etcd process, when started
 * @param service    the service process, when started
 * @param restarts   how often recovery restarted its processes
 */
public record LocalReplica(String name, int index, ReplicaStage stage, int etcdClientPort, int etcdPeerPort, int httpPort,
                           Optional<String> memberId, Optional<ProcessRecord> etcd, Optional<ProcessRecord> service,
                           int restarts) {

    public String peerUrl() {
        return "http://127.0.0.1:" + etcdPeerPort;
    }

    public String clientUrl() {
        return "http://127.0.0.1:" + etcdClientPort;
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public LocalReplica withStage(ReplicaStage s) {
        return new LocalReplica(name, index, s, etcdClientPort, etcdPeerPort, httpPort, memberId, etcd, service, restarts);
    }

    public LocalReplica withMemberId(Optional<String> id) {
        return new LocalReplica(name, index, stage, etcdClientPort, etcdPeerPort, httpPort, id, etcd, service, restarts);
    }

    public LocalReplica withEtcd(Optional<ProcessRecord> p) {
        return new LocalReplica(name, index, stage, etcdClientPort, etcdPeerPort, httpPort, memberId, p, service, restarts);
    }

    public LocalReplica withService(Optional<ProcessRecord> p) {
        return new LocalReplica(name, index, stage, etcdClientPort, etcdPeerPort, httpPort, memberId, etcd, p, restarts);
    }

    public LocalReplica withRestarts(int r) {
        return new LocalReplica(name, index, stage, etcdClientPort, etcdPeerPort, httpPort, memberId, etcd, service, r);
    }
}
