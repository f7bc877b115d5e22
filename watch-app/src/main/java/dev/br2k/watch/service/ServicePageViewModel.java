package dev.br2k.watch.service;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.Operation;
import dev.br2k.cluster.OperationResult;
import dev.br2k.cluster.ProgressEvent;
import dev.br2k.cluster.ProgressListener;
import dev.br2k.cluster.ReplicaPhase;
import dev.br2k.cluster.ReplicaState;
import dev.br2k.cluster.ServiceState;
import dev.br2k.operations.OperationOutcome;
import dev.br2k.operations.ServiceOperations;
import dev.br2k.registry.ServiceInfo;
import dev.br2k.watch.common.Health;
import dev.br2k.watch.common.Notice;
import dev.br2k.watch.common.UserMessages;
import dev.br2k.watch.dashboard.ClaimItem;
import dev.br2k.watch.dashboard.DashboardViewModel;
import dev.br2k.watch.dashboard.ServiceItem;
import dev.br2k.watch.kube.ObservedCluster;
import dev.br2k.watch.logs.LogBuffer;
import dev.br2k.watch.logs.LogPaneViewModel;
import dev.br2k.watch.replication.LeaderTraffic;
import dev.br2k.watch.replication.ReplicationChartsViewModel;
import dev.br2k.watch.replication.TrafficSample;
import dev.br2k.watch.task.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's page: its replicas, their logs, ADD / REDUCE within [1, registered maximum] and
 * RECOVERY when replication is faulty, and the claims users sent about it.
 *
 * <p>ADD and REDUCE wait {@link #cancelWindow} before they start, so a mis-click can be undone; then they
 * run through {@link ServiceOperations} (as the CLI's commands do): the chain is checked first (manager,
 * bounds, a dry run of the transaction), then the cluster changes, then the registry's replica count,
 * then both are read back. Each step of a running operation is listed in {@link #steps()}.
 */
public final class ServicePageViewModel implements AutoCloseable {

    /** What the page is doing. */
    public enum Activity { IDLE, PENDING, RUNNING }

    private final ChangeListener<Optional<ServiceState>> stateListener = (o, was, now) -> now.ifPresent(this::showReplicas);

    private final TaskExecutor executor;
    private final DashboardViewModel dashboard;
    private final ServiceItem item;
    private final Optional<Br2kCluster> cluster;
    private final Duration cancelWindow;
    private final ObservableList<ReplicaRow> replicas = FXCollections.observableArrayList();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final FilteredList<ClaimItem> claims;
    private final ObjectProperty<Activity> activity = new SimpleObjectProperty<>(Activity.IDLE);
    private final StringProperty pendingMessage = new SimpleStringProperty("");
    private final StringProperty operationTitle = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<String> selectedReplica = new SimpleObjectProperty<>();
    private final BooleanBinding canAdd;
    private final BooleanBinding canReduce;
    private final BooleanBinding canRecover;
    private final StringBinding countText;
    private final StringBinding scaleHint;
    private final LogPaneViewModel logs;
    private final ReplicationChartsViewModel charts = new ReplicationChartsViewModel();
    private static final java.util.Set<ReplicaPhase> DOWN = java.util.EnumSet.of(ReplicaPhase.FAILED, ReplicaPhase.MISSING, ReplicaPhase.STOPPED);
    /** The replicas as last seen, to notice one that restarted (its log stream follows it; the pane says so). */
    private final Map<String, ReplicaState> lastSeen = new HashMap<>();
    private TaskExecutor.Cancellable pending = TaskExecutor.Cancellable.NONE;
    private final TaskExecutor.Cancellable chartSampling;
    /** The leader's /metrics, read by the chart sampling (on its background thread only). */
    private final LeaderTraffic leaderTraffic;

    public ServicePageViewModel(TaskExecutor executor, DashboardViewModel dashboard, ServiceItem item,
                                Optional<Br2kCluster> cluster, Duration cancelWindow) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        this.item = Objects.requireNonNull(item, "item");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.cancelWindow = Objects.requireNonNull(cancelWindow, "cancelWindow");
        this.claims = new FilteredList<>(dashboard.claims(), c -> c.serviceId().equals(item.id()));
        this.logs = new LogPaneViewModel(executor,
                (replica, options, listener) -> cluster.orElseThrow().logs(replica, options, listener),
                LogBuffer.DEFAULT_CAPACITY);

        boolean operable = cluster.isPresent() && !(cluster.get() instanceof ObservedCluster);
        BooleanBinding idle = activity.isEqualTo(Activity.IDLE);
        BooleanBinding healthy = item.healthProperty().isEqualTo(Health.HEALTHY);
        canAdd = Bindings.createBooleanBinding(() -> operable && idle.get() && healthy.get()
                && item.replicaCount() < item.maxReplicas(), idle, healthy, item.replicaCountProperty(), item.maxReplicasProperty());
        canReduce = Bindings.createBooleanBinding(() -> operable && idle.get() && healthy.get()
                && item.replicaCount() > 1, idle, healthy, item.replicaCountProperty());
        canRecover = Bindings.createBooleanBinding(() -> operable && idle.get()
                && item.health() == Health.FAULTY, idle, item.healthProperty());
        countText = Bindings.createStringBinding(() -> item.replicaCount() + " / " + item.maxReplicas(),
                item.replicaCountProperty(), item.maxReplicasProperty());
        scaleHint = Bindings.createStringBinding(this::hint, idle, item.healthProperty(), item.replicaCountProperty(),
                item.maxReplicasProperty());

        item.clusterStateProperty().addListener(stateListener);
        item.clusterStateProperty().get().ifPresent(this::showReplicas);
        leaderTraffic = cluster.map(LeaderTraffic::of).orElseGet(() -> new LeaderTraffic(Optional::empty));
        chartSampling = cluster.map(c -> executor.every(ReplicationChartsViewModel.samplingPeriod(c),
                "replication samples of " + item.name(), () -> sampleForCharts(c))).orElse(TaskExecutor.Cancellable.NONE);
    }

    /**
     * One read of the replicas for the charts, in the background: the dashboard's poll (every 2 s) is too
     * coarse to time a failover. A read that fails is left out: the dashboard's poll reports the cause.
     */
    private void sampleForCharts(Br2kCluster c) {
        ServiceState state;
        try {
            state = c.state();
        } catch (RuntimeException e) {
            return;
        }
        Optional<TrafficSample> traffic = leaderTraffic.sample(state);
        String trafficProblem = leaderTraffic.problem();
        executor.onUi(() -> {
            charts.recordFrequent(state);
            traffic.ifPresent(charts::recordTraffic);
            if (!trafficProblem.isEmpty()) {
                charts.trafficUnavailable(trafficProblem);
            }
        });
    }

    private String hint() {
        if (cluster.isEmpty()) {
            return "The Watch has no access to this service's cluster: open it with a profile that includes the cluster.";
        }
        if (cluster.get() instanceof ObservedCluster observed) {
            return observed.reason();
        }
        if (activity.get() != Activity.IDLE) {
            return "An operation is under way.";
        }
        return switch (item.health()) {
            case FAULTY -> "Replication is faulty: ADD and REDUCE wait until RECOVERY has made it healthy.";
            case UNKNOWN -> "Reading the replicas…";
            case NO_CLUSTER -> "The Watch has no access to this service's cluster.";
            case PAUSED -> "The service is paused.";
            case CHANGING -> "An operation is under way.";
            case HEALTHY -> item.replicaCount() >= item.maxReplicas()
                    ? "At the registered maximum of " + item.maxReplicas() + " replicas."
                    : item.replicaCount() <= 1 ? "At the minimum of one replica." : "";
        };
    }

    private void showReplicas(ServiceState state) {
        charts.record(state);
        List<ReplicaRow> rows = state.replicas().stream().map(r -> ReplicaRow.of(r, state)).toList();
        if (!rows.equals(replicas)) {
            replicas.setAll(rows);
        }
        for (ReplicaState r : state.replicas()) {
            ReplicaState before = lastSeen.put(r.name(), r);
            if (before != null && (r.restarts() > before.restarts()
                    || DOWN.contains(before.phase()) && r.phase() == ReplicaPhase.RUNNING)) {
                logs.replicaRestarted(r.name(), r.restarts());
            }
        }
    }

    /** Starts streaming the first replica's log (the page's default). */
    public void start() {
        item.clusterStateProperty().get().flatMap(s -> s.replicas().stream().findFirst())
                .map(ReplicaState::name).ifPresent(this::selectReplica);
    }

    /** Streams this replica's log. */
    public void selectReplica(String name) {
        if (cluster.isEmpty() || name == null || name.equals(selectedReplica.get()) && !logs.allReplicasProperty().get()) {
            return;
        }
        selectedReplica.set(name);
        logs.showReplica(name);
    }

    /** Streams every replica's log, prefixed with the replica's name. */
    public void showAllReplicas() {
        if (cluster.isEmpty()) {
            return;
        }
        selectedReplica.set(null);
        logs.showAll(item.clusterStateProperty().get().map(s -> s.replicas().stream().map(ReplicaState::name).toList())
                .orElse(List.of()));
    }

    /** ADD one replica, after the cancel window. */
    public void add() {
        if (canAdd.get()) {
            schedule(Operation.ADD, item.replicaCount() + 1);
        }
    }

    /** REDUCE by one replica, after the cancel window. */
    public void reduce() {
        if (canReduce.get()) {
            schedule(Operation.REDUCE, item.replicaCount() - 1);
        }
    }

    /** Cancels an ADD or REDUCE that has not started yet. */
    public void cancelPending() {
        if (activity.get() == Activity.PENDING) {
            pending.cancel();
            pending = TaskExecutor.Cancellable.NONE;
            pendingMessage.set("");
            activity.set(Activity.IDLE);
        }
    }

    private void schedule(Operation operation, int target) {
        error.set("");
        activity.set(Activity.PENDING);
        String verb = operation == Operation.ADD ? "Adding a replica" : "Removing a replica";
        pendingMessage.set(verb + " (" + item.replicaCount() + " → " + target + ") in "
                + Math.max(1, cancelWindow.toSeconds()) + " s. Cancel to keep " + item.replicaCount() + ".");
        pending = executor.after(cancelWindow, () -> {
            if (activity.get() == Activity.PENDING) {
                pendingMessage.set("");
                run(operation, target);
            }
        });
    }

    private void run(Operation operation, int target) {
        Br2kCluster c = cluster.orElseThrow();
        String name = item.name();
        String title = switch (operation) {
            case ADD -> "ADD a replica to " + name + " (→ " + target + ")";
            case REDUCE -> "REDUCE " + name + " by one replica (→ " + target + ")";
            default -> "RECOVERY of " + name;
        };
        activity.set(Activity.RUNNING);
        operationTitle.set(title);
        steps.clear();
        item.setOperationRunning(true);
        charts.operation(operation.displayName().toUpperCase(java.util.Locale.ROOT));
        executor.submit(title, context -> {
            // chain check, then the cluster, then the registry, then verify: the same use case as the CLI's
            ServiceOperations operations = ServiceOperations.of(c, dashboard.session().registry().chain());
            ProgressListener listener = e -> onProgress(context, e);
            OperationOutcome outcome = switch (operation) {
                case ADD -> operations.add(1, listener);
                case REDUCE -> operations.reduce(1, listener);
                case RECOVERY -> operations.recover(listener);
                default -> throw new IllegalArgumentException(operation.displayName());
            };
            ServiceInfo info = dashboard.session().registry().service(item.id());
            return new Finished(outcome.cluster().orElseThrow(), info, c.state());
        }, finished -> {
            item.update(finished.info());
            item.setOperationRunning(false);
            item.update(finished.state());
            activity.set(Activity.IDLE);
            dashboard.notices().post(Notice.of(Notice.Kind.SUCCESS, operation.displayName().toUpperCase() + " done",
                    name + ": " + describe(finished.result())));
        }, failure -> {
            item.setOperationRunning(false);
            activity.set(Activity.IDLE);
            String message = UserMessages.describe(operation.displayName().toUpperCase() + " of " + name, failure);
            error.set(message);
            dashboard.notices().post(Notice.of(Notice.Kind.ERROR, operation.displayName().toUpperCase() + " failed", message));
        });
    }

    private static String describe(OperationResult r) {
        return r.unchanged() ? "nothing needed changing."
                : r.replicasBefore() == r.replicasAfter() ? r.changes().size() + " steps, " + r.replicasAfter() + " replicas."
                : r.replicasBefore() + " → " + r.replicasAfter() + " replicas.";
    }

    private record Finished(OperationResult result, ServiceInfo info, ServiceState state) {
    }

    /** RECOVERY: only while replication is faulty. */
    public void recover() {
        if (canRecover.get()) {
            error.set("");
            run(Operation.RECOVERY, item.replicaCount());
        }
    }

    private void onProgress(dev.br2k.watch.task.TaskContext context, ProgressEvent e) {
        context.message(e.step() + ": " + e.status().name().toLowerCase());
        executor.onUi(() -> {
            StepRow row = new StepRow(e.step(), e.status(), e.detail());
            for (int i = steps.size() - 1; i >= 0; i--) {
                if (steps.get(i).step().equals(e.step())) {
                    steps.set(i, row);
                    return;
                }
            }
            steps.add(row);
        });
    }

    public ServiceItem item() {
        return item;
    }

    public boolean hasCluster() {
        return cluster.isPresent();
    }

    public ObservableList<ReplicaRow> replicas() {
        return replicas;
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public FilteredList<ClaimItem> claims() {
        return claims;
    }

    public ReadOnlyObjectProperty<Activity> activityProperty() {
        return activity;
    }

    public ReadOnlyStringProperty pendingMessageProperty() {
        return pendingMessage;
    }

    public ReadOnlyStringProperty operationTitleProperty() {
        return operationTitle;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<String> selectedReplicaProperty() {
        return selectedReplica;
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }

    public BooleanBinding canReduceProperty() {
        return canReduce;
    }

    public BooleanBinding canRecoverProperty() {
        return canRecover;
    }

    public StringBinding countTextProperty() {
        return countText;
    }

    public StringBinding scaleHintProperty() {
        return scaleHint;
    }

    public LogPaneViewModel logs() {
        return logs;
    }

    /** The replication charts, fed with every service state the page receives. */
    public ReplicationChartsViewModel charts() {
        return charts;
    }

    @Override
    public void close() {
        item.clusterStateProperty().removeListener(stateListener); // the item outlives the page
        chartSampling.cancel();
        cancelPending();
        logs.close();
    }
}
