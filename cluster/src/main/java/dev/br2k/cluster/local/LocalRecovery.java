package dev.br2k.cluster.local;

import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.RecoveryPlan;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.internal.Steps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Recovery of a local service: a failed one is brought back from what is left (unfinished adds and removals undone,
 * stopped processes restarted); one of which nothing is left is planned again from the registry's recovery information.
 */
final class LocalRecovery {
    private final LocalSettings s;
    private final ReplicaPlanner planner;
    private final Convergence convergence;
    private final LocalMembership membership;

    LocalRecovery(LocalSettings settings, ReplicaPlanner planner, Convergence convergence, LocalMembership membership) {
        this.s = settings;
        this.planner = planner;
        this.convergence = convergence;
        this.membership = membership;
    }

    /** Runs under the state file's lock. */
    OperationResult recover(RecoverySource source, Steps steps) {
        String service = s.service();
        Optional<LocalState> existing = s.stateFile().read();
        if (existing.isPresent() && existing.get().paused()) {
            throw new ClusterException(service + " is paused, not failed. Run deploy to resume it.");
        }
        boolean gone = existing.isEmpty() || existing.get().replicas().stream().noneMatch(r ->
                s.layout().hasEtcdData(r.name()) || r.etcd().map(ProcessRecord::alive).orElse(false));
        LocalState state;
        int before;
        if (gone) {
            before = 0;
            RecoveryPlan plan = source.plan(service).orElseThrow(() -> new ClusterException("Nothing of " + service
                    + " is left and the registry gave no recovery information. Deploy it again instead."));
            existing.ifPresent(st -> st.replicas().forEach(r -> {
                Processes.kill(r.service());
                LocalDirectories.deleteTree(s.layout().replicaDir(r.name()));
            }));
            steps.run("forget the lost cluster", () -> {
                s.stateFile().delete();
                return existing.isPresent();
            });
            reportRestore(service, plan, steps);
            state = planner.plan(plan.replicas(), steps, Map.of());
        } else {
            state = existing.get();
            before = state.inStage(ReplicaStage.ACTIVE).size();
            for (LocalReplica r : state.inStage(ReplicaStage.JOINING)) {
                state = membership.leave(state, r, steps); // an add that never finished: undo it
            }
            for (LocalReplica r : state.inStage(ReplicaStage.LEAVING)) {
                state = membership.leave(state, r, steps);
            }
            state = countRestarts(state);
        }
        state = convergence.converge(state, steps);
        LocalState converged = state;
        steps.run("remove stray etcd members", () -> membership.removeStrays(converged));
        return OperationResult.of(Operation.RECOVERY, before, state.inStage(ReplicaStage.ACTIVE).size(), steps.changes());
    }

    /**
     * The replicas of a service on an empty etcd restore the newest backup in the service's backup log themselves
     * (the runtime's empty-log seed); this step says which will happen, so the operator is not surprised either way.
     */
    private void reportRestore(String service, RecoveryPlan plan, Steps steps) {
        Path log = s.layout().backupLog();
        String registry = plan.newestBackup().map(b -> " (the registry's newest: " + b + ")").orElse("");
        if (holdsRecords(log)) {
            steps.run("restore the newest backup in " + log + registry + ": each replica loads it as it starts",
                    () -> false);
        } else {
            steps.run("no backup of " + service + " in " + log + registry + ", so " + service + " starts empty",
                    () -> false);
        }
    }

    private static boolean holdsRecords(Path log) {
        try {
            return Files.isRegularFile(log) && Files.size(log) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backup log " + log + ": " + e.getMessage(), e);
        }
    }

    private static LocalState countRestarts(LocalState state) {
        LocalState next = state;
        for (LocalReplica r : state.inStage(ReplicaStage.ACTIVE)) {
            boolean down = !r.etcd().map(ProcessRecord::alive).orElse(false) || !r.service().map(ProcessRecord::alive).orElse(false);
            if (down) {
                next = next.put(r.withRestarts(r.restarts() + 1));
            }
        }
        return next;
    }
}
