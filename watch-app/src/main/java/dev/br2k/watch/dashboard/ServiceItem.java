package dev.br2k.watch.dashboard;

import dev.br2k.cluster.ServiceState;
import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import dev.br2k.watch.common.Health;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One service as the dashboard and its page show it, kept live from registry reads and events and
 * from the cluster's state. Changed on the UI thread only.
 */
public final class ServiceItem {

    private final ServiceId id;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ObjectProperty<RunState> runState = new SimpleObjectProperty<>(RunState.STOPPED);
    private final IntegerProperty replicaCount = new SimpleIntegerProperty();
    private final IntegerProperty maxReplicas = new SimpleIntegerProperty();
    private final IntegerProperty runningReplicas = new SimpleIntegerProperty(-1);
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty lastBackup = new SimpleStringProperty("none");
    private final ObjectProperty<Health> health = new SimpleObjectProperty<>(Health.UNKNOWN);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final BooleanProperty operationRunning = new SimpleBooleanProperty();
    private final ObjectProperty<Optional<ServiceState>> clusterState = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty clusterError = new SimpleStringProperty("");
    private final BooleanProperty hasCluster = new SimpleBooleanProperty();
    private final ServiceTrend trend = new ServiceTrend();
    private final javafx.beans.property.LongProperty trendRevision = new javafx.beans.property.SimpleLongProperty();

    public ServiceItem(ServiceInfo info) {
        this.id = Objects.requireNonNull(info, "info").id();
        update(info);
    }

    /** Takes the registry's view of the service. */
    public void update(ServiceInfo info) {
        if (!info.id().equals(id)) {
            throw new IllegalArgumentException("info is about " + info.id() + ", this item is " + id);
        }
        name.set(info.name());
        description.set(info.details().description());
        runState.set(info.runState());
        replicaCount.set(info.replicaCount());
        maxReplicas.set(info.maxReplicas());
        location.set(info.location());
        lastBackup.set(info.backupCount() == 0 ? "none"
                : "#" + info.backupCount() + info.lastBackupBlock().stream().mapToObj(b -> " (block " + b + ")").findFirst().orElse(""));
    }

    /** Takes the cluster's view of the service. */
    public void update(ServiceState state) {
        hasCluster.set(true);
        clusterError.set("");
        clusterState.set(Optional.of(state));
        if (trend.add(dev.br2k.watch.replication.ReplicationSample.of(state))) {
            trendRevision.set(trendRevision.get() + 1);
        }
        runningReplicas.set((int) state.running());
        List<String> now = state.problems();
        if (!problems.equals(now)) {
            problems.setAll(now);
        }
        health.set(operationRunning.get() ? Health.CHANGING
                : state.paused() ? Health.PAUSED : now.isEmpty() ? Health.HEALTHY : Health.FAULTY);
    }

    /** The Watch has no cluster for this service. */
    public void noCluster() {
        hasCluster.set(false);
        health.set(Health.NO_CLUSTER);
    }

    /** The cluster could not be read this time. */
    public void clusterUnreadable(String message) {
        hasCluster.set(true);
        clusterError.set(message);
        health.set(Health.UNKNOWN);
    }

    public void setOperationRunning(boolean running) {
        operationRunning.set(running);
        if (running) {
            health.set(Health.CHANGING);
        } else {
            clusterState.get().ifPresent(this::update);
        }
    }

    /** True if the filter text occurs in its name, description or location (ignoring case). */
    public boolean matches(String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String f = filter.trim().toLowerCase();
        return name.get().toLowerCase().contains(f) || description.get().toLowerCase().contains(f)
                || location.get().toLowerCase().contains(f) || health.get().label().toLowerCase().contains(f);
    }

    /** The last 5 minutes of replication, for the dashboard's sparkline. */
    public ServiceTrend trend() {
        return trend;
    }

    /** Grows by one with every sample the trend takes. */
    public javafx.beans.property.ReadOnlyLongProperty trendRevisionProperty() {
        return trendRevision;
    }

    public ServiceId id() {
        return id;
    }

    public String name() {
        return name.get();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ObjectProperty<RunState> runStateProperty() {
        return runState;
    }

    public IntegerProperty replicaCountProperty() {
        return replicaCount;
    }

    public int replicaCount() {
        return replicaCount.get();
    }

    public IntegerProperty maxReplicasProperty() {
        return maxReplicas;
    }

    public int maxReplicas() {
        return maxReplicas.get();
    }

    public IntegerProperty runningReplicasProperty() {
        return runningReplicas;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public String location() {
        return location.get();
    }

    public StringProperty lastBackupProperty() {
        return lastBackup;
    }

    public ObjectProperty<Health> healthProperty() {
        return health;
    }

    public Health health() {
        return health.get();
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public BooleanProperty operationRunningProperty() {
        return operationRunning;
    }

    public ObjectProperty<Optional<ServiceState>> clusterStateProperty() {
        return clusterState;
    }

    public StringProperty clusterErrorProperty() {
        return clusterError;
    }

    public BooleanProperty hasClusterProperty() {
        return hasCluster;
    }

    @Override
    public String toString() {
        return "ServiceItem[" + name.get() + "]";
    }
}
