package dev.br2k.cluster.local;

import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.etcd.EtcdGateway;
import dev.br2k.cluster.internal.StepOutcome;
import dev.br2k.cluster.internal.Steps;
import dev.br2k.cluster.internal.Wait;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A replica joining or leaving the service: its etcd membership, processes and data, step by step and resumable. */
final class LocalMembership {
    private final LocalSettings s;
    private final EtcdProcesses etcd;
    private final ServiceProcesses services;

    LocalMembership(LocalSettings settings, EtcdProcesses etcd, ServiceProcesses services) {
        this.s = settings;
        this.etcd = etcd;
        this.services = services;
    }

    /** Adds {@code r} as an etcd member, starts its etcd and service, waits until it answers, marks it active. */
    LocalState join(LocalState state, LocalReplica r, Steps steps) {
        CurrentState current = new CurrentState(s.stateFile(), state);
        steps.run("etcd member add " + r.name(), () -> {
            EtcdGateway gateway = etcd.gateway(current.get(), r.name());
            boolean existed = gateway.members().stream().anyMatch(m -> m.peerUrls().contains(r.peerUrl()));
            MemberInfo m = gateway.addMember(r.peerUrl());
            current.save(current.get().put(r.withMemberId(Optional.of(m.id()))));
            return !existed;
        });
        LocalReplica r1 = current.get().replica(r.name()).orElseThrow();
        if (!r1.etcd().map(ProcessRecord::alive).orElse(false)) {
            steps.step("start etcd " + r.name() + " joining the cluster", () -> {
                current.hold(etcd.start(current.get(), r1, etcd.initialClusterFor(current.get(), r1), "existing"));
                return StepOutcome.changed(EtcdProcesses.detail(current.get(), r.name()));
            });
        }
        LocalState s2 = current.get();
        steps.await("wait for etcd member " + r.name() + " to join", () -> {
            EtcdGateway gateway = etcd.gateway(s2, null);
            Wait.until("etcd member " + r.name() + " to join", s.startTimeout(),
                    () -> gateway.members().stream().anyMatch(m -> m.started() && m.name().equals(r.name())));
            return true;
        });
        current.hold(services.ensure(current.get(), current.get().replica(r.name()).orElseThrow(), steps));
        LocalReplica r3 = current.get().replica(r.name()).orElseThrow();
        steps.await("wait for " + r.name() + " to answer", () -> {
            services.awaitAnswer(r3);
            return true;
        });
        LocalState done = current.get().put(r3.withStage(ReplicaStage.ACTIVE));
        steps.run("mark " + r.name() + " active", () -> {
            s.stateFile().write(done);
            return true;
        });
        return done;
    }

    /** Marks {@code r} leaving, removes its etcd member, stops its processes and deletes its data. */
    LocalState leave(LocalState state, LocalReplica r, Steps steps) {
        LocalState marked = state.put(r.withStage(ReplicaStage.LEAVING));
        if (r.stage() != ReplicaStage.LEAVING) {
            steps.run("mark " + r.name() + " leaving", () -> {
                s.stateFile().write(marked);
                return true;
            });
        }
        steps.run("etcd member remove " + r.name(), () -> {
            EtcdGateway gateway = etcd.gateway(marked, r.name());
            Optional<MemberInfo> m = gateway.members().stream().filter(x -> x.peerUrls().contains(r.peerUrl())).findFirst();
            return m.isPresent() && gateway.removeMember(m.get().id());
        });
        steps.run("stop service " + r.name(), () -> Processes.stop(r.service(), 10_000));
        steps.run("stop etcd " + r.name(), () -> Processes.stop(r.etcd(), 10_000));
        steps.run("delete data of " + r.name(), () -> LocalDirectories.deleteTree(s.layout().replicaDir(r.name())));
        LocalState done = marked.remove(r.name());
        s.stateFile().write(done);
        return done;
    }

    /** Removes etcd members that belong to no recorded replica (left over by an interrupted operation). */
    boolean removeStrays(LocalState state) {
        EtcdGateway gateway = etcd.gateway(state, null);
        Set<String> known = new HashSet<>();
        state.replicas().forEach(r -> known.add(r.peerUrl()));
        boolean changed = false;
        for (MemberInfo m : gateway.members()) {
            if (m.peerUrls().stream().noneMatch(known::contains)) {
                changed |= gateway.removeMember(m.id());
            }
        }
        return changed;
    }
}
