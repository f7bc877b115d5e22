package dev.br2k.cluster.local;

import dev.br2k.cluster.internal.Steps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Brings every active replica's etcd and service up: restarts what stopped, re-joins a member whose data is gone,
 * and waits until etcd has all members and every service answers.
 */
final class Convergence {
    private final LocalSettings s;
    private final EtcdProcesses etcd;
    private final ServiceProcesses services;

    Convergence(LocalSettings settings, EtcdProcesses etcd, ServiceProcesses services) {
        this.s = settings;
        this.etcd = etcd;
        this.services = services;
    }

    LocalState converge(LocalState state, Steps steps) {
        List<LocalReplica> active = new ArrayList<>(state.inStage(ReplicaStage.ACTIVE));
        // The founding members have formed a cluster once any of them has a recorded member id.
        boolean bootstrap = active.stream().allMatch(r -> r.memberId().isEmpty());
        // Members that can restart from their data first: a member whose data is gone needs their quorum to re-join.
        active.sort(Comparator.comparing((LocalReplica r) -> !s.layout().hasEtcdData(r.name())));
        for (LocalReplica r : active) {
            state = etcd.ensure(state, state.replica(r.name()).orElseThrow(), bootstrap, steps);
        }
        LocalState s0 = state;
        steps.await("wait for etcd members of " + s.service(), () -> {
            etcd.awaitMembers(s0);
            return true;
        });
        state = etcd.recordMemberIds(state);
        for (LocalReplica r : state.inStage(ReplicaStage.ACTIVE)) {
            state = services.ensure(state, r, steps);
        }
        for (LocalReplica r : state.inStage(ReplicaStage.ACTIVE)) {
            steps.await("wait for " + r.name() + " to answer", () -> {
                services.awaitAnswer(r);
                return true;
            });
        }
        return state;
    }
}
