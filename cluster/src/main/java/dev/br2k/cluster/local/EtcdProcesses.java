package dev.br2k.cluster.local;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.cluster.internal.StepOutcome;
import dev.br2k.cluster.internal.Steps;
import dev.br2k.cluster.internal.Wait;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The replicas' etcd processes: starting them (founding or joining), waiting for the members, talking to them. */
final class EtcdProcesses {
    private final LocalSettings s;

    EtcdProcesses(LocalSettings settings) {
        this.s = settings;
    }

    /** Starts {@code r}'s etcd unless it runs; a member whose data is gone while the others have theirs joins again. */
    LocalState ensure(LocalState state, LocalReplica r, boolean bootstrap, Steps steps) {
        if (r.etcd().map(ProcessRecord::alive).orElse(false)) {
            steps.run("start etcd " + r.name(), () -> false);
            return state;
        }
        CurrentState current = new CurrentState(s.stateFile(), state);
        if (bootstrap || s.layout().hasEtcdData(r.name())) {
            String initial = String.join(",", state.inStage(ReplicaStage.ACTIVE).stream()
                    .map(a -> a.name() + "=" + a.peerUrl()).toList());
            steps.step("start etcd " + r.name(), () -> {
                current.hold(start(state, r, initial, "new"));
                return StepOutcome.changed(detail(current.get(), r.name()));
            });
            return current.get();
        }
        // Its data is gone while the others have theirs: it must join again as a new member.
        steps.run("etcd member re-add " + r.name() + " (its data is gone)", () -> {
            EtcdGateway etcd = gateway(state, r.name());
            etcd.members().stream().filter(m -> m.peerUrls().contains(r.peerUrl()) && m.started())
                    .forEach(m -> etcd.removeMember(m.id()));
            MemberInfo added = etcd.addMember(r.peerUrl());
            current.save(state.put(r.withMemberId(Optional.of(added.id()))));
            return true;
        });
        LocalState s1 = current.get();
        LocalReplica r1 = s1.replica(r.name()).orElseThrow();
        steps.step("start etcd " + r.name() + " joining the cluster", () -> {
            current.hold(start(s1, r1, initialClusterFor(s1, r1), "existing"));
            return StepOutcome.changed(detail(current.get(), r.name()));
        });
        return current.get();
    }

    /** A step's detail line: the etcd process of {@code replica}. */
    static String detail(LocalState state, String replica) {
        LocalReplica r = state.replica(replica).orElseThrow();
        return "pid " + r.etcd().map(ProcessRecord::pid).orElse(-1L) + ", client port " + r.etcdClientPort();
    }

    /** The {@code --initial-cluster} of a member joining a running cluster, as the running members see it. */
    String initialClusterFor(LocalState state, LocalReplica joining) {
        List<MemberInfo> members = gateway(state, joining.name()).members();
        List<String> parts = new ArrayList<>();
        for (MemberInfo m : members) {
            String url = m.peerUrls().get(0);
            String name = m.started() ? m.name() : state.replicas().stream().filter(x -> x.peerUrl().equals(url))
                    .map(LocalReplica::name).findFirst().orElse("unknown-" + m.id());
            parts.add(name + "=" + url);
        }
        return String.join(",", parts);
    }

    /** Starts {@code r}'s etcd process and records it in the state file. */
    LocalState start(LocalState state, LocalReplica r, String initialCluster, String clusterState) {
        LocalLayout layout = s.layout();
        List<String> cmd = List.of(state.etcdBinary().toString(),
                "--name", r.name(),
                "--data-dir", layout.etcdData(r.name()).toString(),
                "--listen-client-urls", r.clientUrl(),
                "--advertise-client-urls", r.clientUrl(),
                "--listen-peer-urls", r.peerUrl(),
                "--initial-advertise-peer-urls", r.peerUrl(),
                "--initial-cluster", initialCluster,
                "--initial-cluster-state", clusterState,
                "--initial-cluster-token", "br2k-local-" + s.service(),
                "--heartbeat-interval", "100",
                "--election-timeout", "1000");
        ProcessRecord p = Processes.start(cmd, Map.of(), layout.replicaDir(r.name()), layout.log(r.name(), LogOptions.ETCD));
        LocalState next = state.put(r.withEtcd(Optional.of(p)));
        s.stateFile().write(next);
        return next;
    }

    /** Waits until every active replica is a started etcd member. */
    void awaitMembers(LocalState state) {
        List<LocalReplica> active = state.inStage(ReplicaStage.ACTIVE);
        EtcdGateway etcd = gateway(state, null);
        Wait.until("etcd members " + active.stream().map(LocalReplica::name).toList() + " to start", s.startTimeout(), () -> {
            List<MemberInfo> members = etcd.members();
            return active.stream().allMatch(r -> members.stream()
                    .anyMatch(m -> m.started() && m.name().equals(r.name()) && m.peerUrls().contains(r.peerUrl())));
        });
    }

    /** Records each replica's etcd member id as etcd reports it. */
    LocalState recordMemberIds(LocalState state) {
        List<MemberInfo> members = gateway(state, null).members();
        LocalState next = state;
        for (LocalReplica r : state.replicas()) {
            Optional<String> id = members.stream().filter(m -> m.peerUrls().contains(r.peerUrl())).map(MemberInfo::id).findFirst();
            if (id.isPresent() && !id.equals(r.memberId())) {
                next = next.put(r.withMemberId(id));
            }
        }
        if (next != state) {
            s.stateFile().write(next);
        }
        return next;
    }

    /** A gateway to the replicas' etcd members but {@code exclude} (may be null), running ones first. */
    EtcdGateway gateway(LocalState state, String exclude) {
        List<URI> urls = state.replicas().stream()
                .filter(r -> r.stage() != ReplicaStage.JOINING || r.etcd().map(ProcessRecord::alive).orElse(false))
                .filter(r -> !r.name().equals(exclude))
                .sorted(Comparator.comparing((LocalReplica r) -> !r.etcd().map(ProcessRecord::alive).orElse(false)))
                .map(r -> URI.create(r.clientUrl())).toList();
        if (urls.isEmpty()) {
            throw new ClusterException("No etcd member of " + s.service() + " is left to ask. Run recovery.");
        }
        return EtcdGateway.of(urls);
    }
}
