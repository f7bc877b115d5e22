package dev.br2k.cluster.local;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.ReplicaPhase;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ReplicaStatus;
import dev.br2k.cluster.ReplicationKeys;
import dev.br2k.cluster.ServiceState;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.cluster.status.ReplicaStatusClient;
import dev.br2k.cluster.status.ReplicationKeysReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The service as it is now: each replica's processes and {@code /br2k/status}, the etcd members, the replication keys. */
final class LocalStatusReader {
    private final LocalSettings s;
    private final EtcdProcesses etcd;
    private final ReplicaStatusClient statusClient;

    LocalStatusReader(LocalSettings settings, EtcdProcesses etcd, ReplicaStatusClient statusClient) {
        this.s = settings;
        this.etcd = etcd;
        this.statusClient = statusClient;
    }

    ServiceState state() {
        Optional<LocalState> read = s.stateFile().read();
        if (read.isEmpty()) {
            return new ServiceState(s.service(), 0, false, List.of(), List.of(), Optional.empty(), Instant.now());
        }
        LocalState state = read.get();
        List<MemberInfo> members = List.of();
        Optional<ReplicationKeys> keys = Optional.empty();
        if (!state.paused() && !state.replicas().isEmpty()) {
            try {
                EtcdGateway gateway = etcd.gateway(state, null);
                members = gateway.members();
                keys = Optional.of(ReplicationKeysReader.read(gateway, s.service()));
            } catch (ClusterException e) {
                // no member answers: members and keys stay empty, the replicas show why
            }
        }
        String host = hostName();
        List<ReplicaState> replicas = new ArrayList<>();
        for (LocalReplica r : state.replicas()) {
            replicas.add(replicaState(state, r, host, members));
        }
        return new ServiceState(s.service(), state.inStage(ReplicaStage.ACTIVE).size(), state.paused(), replicas, members,
                keys, Instant.now());
    }

    private ReplicaState replicaState(LocalState state, LocalReplica r, String host, List<MemberInfo> members) {
        boolean etcdUp = r.etcd().map(ProcessRecord::alive).orElse(false);
        boolean serviceUp = r.service().map(ProcessRecord::alive).orElse(false);
        Optional<String> memberId = members.stream().filter(m -> m.peerUrls().contains(r.peerUrl()))
                .map(MemberInfo::id).findFirst().or(() -> members.isEmpty() ? r.memberId() : Optional.empty());
        Optional<ReplicaStatus> status = serviceUp ? statusClient.read(URI.create(r.httpUrl())) : Optional.empty();
        String pids = "etcd " + r.etcd().map(p -> Long.toString(p.pid())).orElse("-") + (etcdUp ? "" : " (down)")
                + ", service " + r.service().map(p -> Long.toString(p.pid())).orElse("-") + (serviceUp ? "" : " (down)")
                + ", http " + r.httpPort() + ", etcd " + r.etcdClientPort();
        ReplicaPhase phase;
        String detail = pids;
        if (state.paused() || r.stage() == ReplicaStage.LEAVING) {
            phase = etcdUp || serviceUp ? ReplicaPhase.RUNNING : ReplicaPhase.STOPPED;
        } else if (r.stage() == ReplicaStage.JOINING) {
            phase = ReplicaPhase.STARTING;
        } else if (r.etcd().isEmpty() && r.service().isEmpty()) {
            phase = ReplicaPhase.MISSING;
        } else if (!etcdUp || !serviceUp) {
            phase = ReplicaPhase.FAILED;
            detail = (!etcdUp && !serviceUp ? "etcd and service exited" : !etcdUp ? "etcd exited" : "service exited")
                    + "; " + pids;
        } else if (status.isPresent()) {
            phase = ReplicaPhase.RUNNING;
        } else {
            Instant started = r.service().get().startedAt();
            boolean young = Duration.between(started, Instant.now()).compareTo(s.startTimeout()) < 0;
            phase = young ? ReplicaPhase.STARTING : ReplicaPhase.FAILED;
            detail = (young ? "starting" : "does not answer /br2k/status") + "; " + pids;
        }
        return new ReplicaState(r.name(), r.index(), phase, host, r.restarts(), memberId, status, detail);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
