package dev.br2k.operations;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressEvent;
import dev.br2k.cluster.ProgressEvent.Status;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.RecoveryPlan;
import dev.br2k.cluster.RecoverySource;
import dev.br2k.cluster.ServiceState;
import dev.br2k.registry.RegistryAccessDeniedException;
import dev.br2k.registry.RegistryException;
import dev.br2k.registry.RegistryReceipt;
import dev.br2k.registry.RegistryRevertException;
import dev.br2k.registry.ReplicaCountOutOfRangeException;
import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The operations on a registered service, as the CLI and BR2K Watch offer them: ADD, REDUCE, RECOVERY,
 * PAUSE and RESUME. Each runs in the same order:
 * <ol>
 *   <li><b>chain check</b>: the node's chain id, the registration, the manager, the bounds
 *       [1, registered maximum], and a dry run ({@code eth_call}) of the registry transaction. A refusal
 *       throws {@link OperationRefusedException} and <em>nothing</em> has changed;</li>
 *   <li><b>cluster</b>: the {@link Br2kCluster} operation (its own steps are reported as they run); a failed
 *       step throws {@link ClusterStepFailedException}, the registry untouched;</li>
 *   <li><b>registry</b>: the transaction; a failure throws {@link RegistryBehindException} naming both
 *       counts and the command that reconciles them;</li>
 *   <li><b>verify</b>: the cluster and the registry are read again and must agree.</li>
 * </ol>
 * Every step is reported through the one {@link ProgressListener}. Without a registry (the CLI's
 * {@code --no-registry}, or none set) only the cluster steps run.
 */
public final class ServiceOperations {
    /** The command that sets the registered count to the cluster's (named in failure messages). */
    public static final String RECONCILE_COMMAND = "br2k add 0";

    private final Br2kCluster cluster;
    private final Optional<ChainRegistry> registry;
    private final OptionalLong expectedChainId;
    private final ServiceId id;

    private ServiceOperations(Br2kCluster cluster, Optional<ChainRegistry> registry, OptionalLong expectedChainId) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.expectedChainId = Objects.requireNonNull(expectedChainId, "expectedChainId");
        this.id = ServiceId.ofName(cluster.service());
    }

    /** Operations that keep {@code registry} in step with {@code cluster}. */
    public static ServiceOperations of(Br2kCluster cluster, ChainRegistry registry) {
        return new ServiceOperations(cluster, Optional.of(registry), OptionalLong.empty());
    }

    /** Operations that keep {@code registry} in step, refusing a node whose chain id is not {@code chainId}. */
    public static ServiceOperations of(Br2kCluster cluster, ChainRegistry registry, long chainId) {
        return new ServiceOperations(cluster, Optional.of(registry), OptionalLong.of(chainId));
    }

    /** Operations on the cluster alone: the registry keeps what it says. */
    public static ServiceOperations clusterOnly(Br2kCluster cluster) {
        return new ServiceOperations(cluster, Optional.empty(), OptionalLong.empty());
    }

    public String service() {
        return cluster.service();
    }

    /** ADD {@code count} replicas; {@code 0} changes no replica and sets the registered count to the cluster's. */
    public OperationOutcome add(int count, ProgressListener listener) {
        requireCount(count);
        return scale(Operation.ADD, count, listener);
    }

    /** REDUCE by {@code count} replicas; {@code 0} changes no replica and sets the registered count to the cluster's. */
    public OperationOutcome reduce(int count, ProgressListener listener) {
        requireCount(count);
        return scale(Operation.REDUCE, -count, listener);
    }

    private OperationOutcome scale(Operation operation, int delta, ProgressListener listener) {
        String name = operation.displayName().toUpperCase(java.util.Locale.ROOT) + " of " + service();
        int now = cluster.state().desiredReplicas();
        int target = now + delta;
        Optional<ServiceInfo> info = Optional.empty();
        if (registry.isPresent()) {
            ServiceInfo registered = checkManager(operation, name, listener, true);
            if (target < 1 || target > registered.maxReplicas()) {
                String step = checkStep();
                throw refuse(operation, listener, step, name, Refusal.OUT_OF_RANGE,
                        "it would take " + service() + " from " + now + " to " + target + " replicas, but the service registry allows 1.."
                                + registered.maxReplicas() + " (its registered maximum)",
                        target < 1 ? "Keep at least one replica (PAUSE stops them all and keeps their data)."
                                : "Raise the registered maximum first (the manager's setMaxReplicas), or add fewer.", null);
            }
            dryRun(operation, name, listener, "setReplicaCount(" + target + ")",
                    () -> registry.get().dryRunSetReplicaCount(id, target));
            info = Optional.of(registered);
        }
        Optional<OperationResult> result = Optional.empty();
        int after = now;
        if (delta != 0) {
            int registeredNow = info.map(ServiceInfo::replicaCount).orElse(-1);
            result = Optional.of(onCluster(name, operation, registeredNow,
                    () -> delta > 0 ? cluster.add(delta, listener) : cluster.reduce(-delta, listener)));
            after = result.get().replicasAfter();
        } else {
            report(listener, operation, "cluster: no replica changed", Status.SKIPPED, now + " replicas");
        }
        if (info.isEmpty()) {
            return new OperationOutcome(result, after, OptionalInt.empty(), Optional.empty());
        }
        Optional<RegistryReceipt> receipt = setCount(operation, name, info.get(), after, listener);
        verifyCount(operation, name, listener);
        return new OperationOutcome(result, after, OptionalInt.of(info.get().replicaCount()), receipt);
    }

    /**
     * RECOVERY: replaces failed replicas; when nothing of the service is left, redeploys it from the
     * registry's recovery information (registered count, image, newest backup). Reads the registry,
     * sends no transaction, so a read-only registry is enough.
     */
    public OperationOutcome recover(ProgressListener listener) {
        String name = "RECOVERY of " + service();
        Optional<ServiceInfo> info = Optional.empty();
        if (registry.isPresent()) {
            String step = "chain: read the recovery information of " + service();
            report(listener, Operation.RECOVERY, step, Status.STARTED, "");
            checkChainId(Operation.RECOVERY, name, listener, step);
            ServiceInfo registered = find(Operation.RECOVERY, name, listener, step);
            report(listener, Operation.RECOVERY, step, Status.DONE, registered.replicaCount() + " replicas registered"
                    + (registered.details().imageLocation().isEmpty() ? "" : ", image " + registered.details().imageLocation())
                    + (registered.backupCount() == 0 ? ", no backup" : ", " + registered.backupCount() + " backups"));
            info = Optional.of(registered);
        }
        Optional<ServiceInfo> plan = info;
        RecoverySource source = plan.isEmpty() ? RecoverySource.NONE : service -> plan.map(ServiceOperations::recoveryPlan);
        OperationResult result = onCluster(name, Operation.RECOVERY, info.map(ServiceInfo::replicaCount).orElse(-1),
                () -> cluster.recover(source, listener));
        String step = "verify: the replicas of " + service();
        report(listener, Operation.RECOVERY, step, Status.STARTED, "");
        ServiceState state = cluster.state();
        report(listener, Operation.RECOVERY, step, Status.DONE, state.running() + " of " + state.desiredReplicas() + " replicas running"
                + state.leader().map(l -> ", leader " + l.name()).orElse(", no leader yet")
                + (state.problems().isEmpty() ? "" : "; still settling: " + String.join("; ", state.problems())));
        return new OperationOutcome(Optional.of(result), result.replicasAfter(),
                info.map(i -> OptionalInt.of(i.replicaCount())).orElse(OptionalInt.empty()), Optional.empty());
    }

    /** The plan a vanished service is redeployed from, out of what the registry holds. */
    public static RecoveryPlan recoveryPlan(ServiceInfo info) {
        return new RecoveryPlan(info.name(), Math.max(1, info.replicaCount()),
                Optional.of(info.details().imageLocation()).filter(i -> !i.isEmpty()),
                info.backupCount() > 0 ? Optional.of(Long.toString(info.backupCount())) : Optional.empty());
    }

    /** PAUSE: stops every replica, keeping their data; the registry's run state becomes STOPPED. */
    public OperationOutcome pause(ProgressListener listener) {
        return runState(Operation.PAUSE, "PAUSE of " + service(), RunState.STOPPED, listener, () -> cluster.pause(listener));
    }

    /** RESUME: brings a paused service back at its size; the registry's run state becomes RUNNING. */
    public OperationOutcome resume(ProgressListener listener) {
        int replicas = cluster.state().desiredReplicas();
        return runState(Operation.DEPLOY, "RESUME of " + service(), RunState.RUNNING, listener,
                () -> cluster.deploy(Math.max(1, replicas), listener));
    }

    private OperationOutcome runState(Operation operation, String name, RunState state, ProgressListener listener,
                                      java.util.function.Supplier<OperationResult> change) {
        Optional<ServiceInfo> info = Optional.empty();
        if (registry.isPresent()) {
            info = Optional.of(checkManager(operation, name, listener, false));
            dryRun(operation, name, listener, "setRunState(" + state + ")", () -> registry.get().dryRunSetRunState(id, state));
        }
        OperationResult result = onCluster(name, operation, info.map(ServiceInfo::replicaCount).orElse(-1), change);
        Optional<RegistryReceipt> receipt = Optional.empty();
        if (info.isPresent()) {
            String step = "registry: set run state to " + state;
            if (info.get().runState() == state) {
                report(listener, operation, step, Status.SKIPPED, "it is " + state + " already");
            } else {
                report(listener, operation, step, Status.STARTED, "sending the transaction");
                try {
                    receipt = Optional.of(registry.get().setRunState(id, state));
                } catch (RegistryException e) {
                    report(listener, operation, step, Status.FAILED, e.getMessage());
                    throw new OperationsException(name + ": the cluster changed (" + result.replicasAfter() + " replicas meant), but setting the run state on the"
                            + " service registry failed: " + e.getMessage() + "; it still says " + info.get().runState()
                            + ". The run state is informational: set it again when the chain answers.", e);
                }
                report(listener, operation, step, Status.DONE, mined(receipt.get()));
            }
        }
        return new OperationOutcome(Optional.of(result), result.replicasAfter(),
                info.map(i -> OptionalInt.of(i.replicaCount())).orElse(OptionalInt.empty()), receipt);
    }

    // ------------------------------------------------------------------ the steps

    private String checkStep() {
        return "chain: check " + service() + " on the service registry";
    }

    /** Chain id, registration and manager; reported as one step (left STARTED for the caller's further checks to end). */
    private ServiceInfo checkManager(Operation operation, String name, ProgressListener listener, boolean managerOnly) {
        String step = checkStep();
        report(listener, operation, step, Status.STARTED, "");
        checkChainId(operation, name, listener, step);
        ServiceInfo info = find(operation, name, listener, step);
        ChainRegistry r = registry.orElseThrow();
        String fix = "Sign with the manager's keystore (" + info.manager() + "), or change only the cluster (br2k --no-registry).";
        if (r.signer().isEmpty()) {
            throw refuse(operation, listener, step, name, Refusal.NOT_MANAGER,
                    "the registry connection has no account to sign with", fix, null);
        }
        String account = r.signer().get();
        boolean allowed = info.manager().equalsIgnoreCase(account)
                || !managerOnly && info.operators().stream().anyMatch(account::equalsIgnoreCase);
        if (!allowed) {
            throw refuse(operation, listener, step, name, Refusal.NOT_MANAGER,
                    "only the manager of " + service() + " (" + info.manager() + ")" + (managerOnly ? "" : " or an operator")
                            + " may do this, and the account is " + account, fix, null);
        }
        report(listener, operation, step, Status.DONE, "registered, " + info.replicaCount() + " of at most " + info.maxReplicas()
                + " replicas, manager " + info.manager());
        return info;
    }

    private void checkChainId(Operation operation, String name, ProgressListener listener, String step) {
        if (expectedChainId.isEmpty()) {
            return;
        }
        long actual = ask(operation, name, listener, step, () -> registry.orElseThrow().chainId());
        if (actual != expectedChainId.getAsLong()) {
            throw refuse(operation, listener, step, name, Refusal.WRONG_CHAIN, "the node is of chain " + actual
                    + ", but the service registry was added for chain " + expectedChainId.getAsLong(),
                    "Point the service registry at a node of chain " + expectedChainId.getAsLong() + ".", null);
        }
    }

    private ServiceInfo find(Operation operation, String name, ProgressListener listener, String step) {
        return ask(operation, name, listener, step, () -> registry.orElseThrow().findService(id))
                .orElseThrow(() -> refuse(operation, listener, step, name, Refusal.NOT_REGISTERED,
                        service() + " is not registered on the service registry",
                        "Register it with 'br2k register', or change only the cluster (br2k --no-registry).", null));
    }

    private <T> T ask(Operation operation, String name, ProgressListener listener, String step,
                      java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RegistryException e) {
            throw refuse(operation, listener, step, name, Refusal.CHAIN_UNREACHABLE,
                    "the service registry could not be read (" + e.getMessage() + ")",
                    "Check that the Ethereum node answers, then try again.", e);
        }
    }

    private void dryRun(Operation operation, String name, ProgressListener listener, String call, Runnable simulation) {
        String step = "chain: dry run of " + call;
        report(listener, operation, step, Status.STARTED, "eth_call, nothing is sent");
        try {
            simulation.run();
        } catch (RegistryAccessDeniedException e) {
            throw refuse(operation, listener, step, name, Refusal.NOT_MANAGER, "the registry would revert " + call
                    + ": " + e.getMessage(), "Sign with the manager's keystore, or change only the cluster (br2k --no-registry).", e);
        } catch (ReplicaCountOutOfRangeException e) {
            throw refuse(operation, listener, step, name, Refusal.OUT_OF_RANGE, "the registry would revert " + call
                    + ": " + e.getMessage(), "Raise the registered maximum first, or choose a count within it.", e);
        } catch (RegistryRevertException e) {
            throw refuse(operation, listener, step, name, Refusal.WOULD_REVERT, "the registry would revert " + call
                    + ": " + e.getMessage(), "Fix what the registry names, then try again.", e);
        } catch (RegistryException e) {
            throw refuse(operation, listener, step, name, Refusal.CHAIN_UNREACHABLE, "the dry run of " + call + " could not be made ("
                    + e.getMessage() + ")", "Check that the Ethereum node answers, then try again.", e);
        }
        report(listener, operation, step, Status.DONE, "the transaction would succeed");
    }

    private OperationResult onCluster(String name, Operation operation, int registered,
                                      java.util.function.Supplier<OperationResult> change) {
        try {
            return change.get();
        } catch (ClusterException e) {
            String registry = registered < 0 ? "" : " The service registry was not changed: it still says " + registered + " replicas.";
            throw new ClusterStepFailedException(name + " failed in the cluster: " + e.getMessage() + registry
                    + " Run " + operation.displayName() + " again: it continues where it stopped.", e);
        }
    }

    private Optional<RegistryReceipt> setCount(Operation operation, String name, ServiceInfo info, int after, ProgressListener listener) {
        String step = "registry: set replica count to " + after;
        if (info.replicaCount() == after) {
            report(listener, operation, step, Status.SKIPPED, "it is " + after + " already");
            return Optional.empty();
        }
        report(listener, operation, step, Status.STARTED, "sending the transaction");
        try {
            RegistryReceipt receipt = registry.orElseThrow().setReplicaCount(id, after);
            report(listener, operation, step, Status.DONE, info.replicaCount() + " -> " + after + ", " + mined(receipt));
            return Optional.of(receipt);
        } catch (RegistryException e) {
            report(listener, operation, step, Status.FAILED, e.getMessage());
            throw new RegistryBehindException(name + ": the cluster has " + after + " replicas now, but setting the replica count on the"
                    + " service registry failed: " + e.getMessage() + "; it still says " + info.replicaCount()
                    + ". When the chain answers again, run '" + RECONCILE_COMMAND + "' to set it to the cluster's count.",
                    after, info.replicaCount(), e);
        }
    }

    private void verifyCount(Operation operation, String name, ProgressListener listener) {
        String step = "verify: cluster and registry agree";
        report(listener, operation, step, Status.STARTED, "");
        int inCluster = cluster.state().desiredReplicas();
        int registered;
        try {
            registered = registry.orElseThrow().findService(id).map(ServiceInfo::replicaCount).orElse(-1);
        } catch (RegistryException e) {
            report(listener, operation, step, Status.FAILED, e.getMessage());
            throw new RegistryBehindException(name + ": the cluster has " + inCluster + " replicas and the registry transaction was mined,"
                    + " but reading it back failed: " + e.getMessage() + ". Run '" + RECONCILE_COMMAND + "' when the chain answers.",
                    inCluster, -1, e);
        }
        if (inCluster != registered) {
            report(listener, operation, step, Status.FAILED, inCluster + " replicas in the cluster, " + registered + " registered");
            throw new RegistryBehindException(name + ": the cluster has " + inCluster + " replicas but the registry says " + registered
                    + " (another change came in between?). Run '" + RECONCILE_COMMAND + "' to set it to the cluster's count.",
                    inCluster, registered, null);
        }
        report(listener, operation, step, Status.DONE, inCluster + " replicas in the cluster, " + registered + " registered");
    }

    private OperationRefusedException refuse(Operation operation, ProgressListener listener, String step, String name,
                                             Refusal refusal, String reason, String fix, Throwable cause) {
        report(listener, operation, step, Status.FAILED, reason);
        return new OperationRefusedException(name, refusal, reason, fix, cause);
    }

    private static String mined(RegistryReceipt receipt) {
        return "transaction " + receipt.transactionHash() + " mined in block " + receipt.blockNumber();
    }

    private static void report(ProgressListener listener, Operation operation, String step, Status status, String detail) {
        listener.onProgress(ProgressEvent.of(operation, step, status, detail));
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count);
        }
    }
}
