package dev.br2k.watch.dashboard;

import dev.br2k.cluster.Br2kCluster;
import dev.br2k.cluster.ServiceState;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceInfo;
import dev.br2k.registry.event.ClaimSent;
import dev.br2k.registry.event.EventQuery;
import dev.br2k.registry.event.ManagerChanged;
import dev.br2k.registry.event.RegistryEvent;
import dev.br2k.registry.event.ServiceRegistered;
import dev.br2k.registry.event.Subscription;
import dev.br2k.watch.common.Notice;
import dev.br2k.watch.common.Notices;
import dev.br2k.watch.common.UserMessages;
import dev.br2k.watch.login.Session;
import dev.br2k.watch.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The services the account manages, live: loaded once from the registry, then kept current from
 * the registry's events (re-reading a service when one arrives) and from each service's cluster
 * (polled every {@link #CLUSTER_POLL}). Claims are collected and posted as notices.
 *
 * <p>Anyone may register a service or send a claim, so what others do costs the dashboard nothing:
 * the list is read again only for a registration or a manager change that involves the account,
 * other events only re-read a service the account manages, and the claim list keeps the newest
 * {@link #MAX_CLAIMS_SHOWN} (counting the older ones it dropped).
 */
public final class DashboardViewModel implements AutoCloseable {

    public static final Duration CLUSTER_POLL = Duration.ofSeconds(2);
    /** How many claims the list keeps, newest first. */
    public static final int MAX_CLAIMS_SHOWN = 500;

    private final TaskExecutor executor;
    private final Session session;
    private final Notices notices;
    private final ObservableList<ServiceItem> items = FXCollections.observableArrayList();
    private final ObservableList<ServiceItem> visible = FXCollections.observableArrayList();
    private final Map<ServiceId, ServiceItem> byId = new HashMap<>();
    private final ObservableList<ClaimItem> claims = FXCollections.observableArrayList();
    private final IntegerProperty olderClaims = new SimpleIntegerProperty();
    private final StringProperty claimsFooter = new SimpleStringProperty("");
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final Map<String, Br2kCluster> clusters = new LinkedHashMap<>();
    private Subscription subscription;
    private TaskExecutor.Cancellable polling = TaskExecutor.Cancellable.NONE;

    public DashboardViewModel(TaskExecutor executor, Session session, Notices notices) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.session = Objects.requireNonNull(session, "session");
        this.notices = Objects.requireNonNull(notices, "notices");
        filter.addListener((o, was, now) -> refilter());
        items.addListener((ListChangeListener<ServiceItem>) c -> refilter());
    }

    /** Loads the services, subscribes to the registry's events and starts watching the clusters. */
    public void start() {
        subscription = session.registry().subscribe(EventQuery.ALL, event -> executor.onUi(() -> onEvent(event)));
        reload();
        polling = executor.every(CLUSTER_POLL, "cluster state", this::pollClusters);
    }

    /** Reads the account's services again. */
    public void reload() {
        loading.set(true);
        executor.submit("Load the services of " + session.account(), context -> {
            context.message("Reading the registry");
            return session.registry().managedServices();
        }, this::show, failure -> {
            loading.set(false);
            error.set(UserMessages.describe("Loading the services", failure));
        });
    }

    private void show(List<ServiceInfo> infos) {
        List<ServiceItem> now = new ArrayList<>(infos.size());
        for (ServiceInfo info : infos) {
            ServiceItem item = byId.get(info.id());
            if (item == null) {
                item = new ServiceItem(info);
            } else {
                item.update(info);
            }
            now.add(item);
        }
        byId.clear();
        now.forEach(i -> byId.put(i.id(), i));
        items.setAll(now);
        error.set("");
        loading.set(false);
        loaded.set(true);
    }

    /** Handles one registry event on the UI thread. */
    public void onEvent(RegistryEvent event) {
        ServiceItem item = byId.get(event.serviceId());
        if (event instanceof ClaimSent claim && item != null) {
            ClaimItem c = new ClaimItem(claim.serviceId(), item.name(), claim.claimant(), claim.reason(),
                    claim.position().blockNumber());
            claims.add(0, c);
            if (claims.size() > MAX_CLAIMS_SHOWN) {
                claims.remove(MAX_CLAIMS_SHOWN, claims.size());
                olderClaims.set(olderClaims.get() + 1);
                claimsFooter.set(olderClaims.get() + (olderClaims.get() == 1 ? " older claim" : " older claims") + " not shown");
            }
            notices.post(Notice.of(Notice.Kind.WARNING, "Claim for " + item.name(), c.summary()));
            return;
        }
        if (event instanceof ServiceRegistered registered) {
            if (isAccount(registered.deployer())) {
                reload();
            }
            return;
        }
        if (event instanceof ManagerChanged changed) {
            if (isAccount(changed.previousManager()) || isAccount(changed.newManager())) {
                reload();
            }
            return;
        }
        if (item != null) {
            refresh(item);
        }
    }

    private boolean isAccount(String address) {
        return session.account().equalsIgnoreCase(address);
    }

    /** Re-reads one service from the registry. */
    public void refresh(ServiceItem item) {
        executor.submit("Read " + item.name(), context -> session.registry().service(item.id()), item::update,
                failure -> error.set(UserMessages.describe("Reading " + item.name(), failure)));
    }

    /** The cluster of a service, if the Watch can reach one. Background thread. */
    public synchronized Optional<Br2kCluster> cluster(String service) {
        Br2kCluster c = clusters.get(service);
        if (c == null) {
            Optional<Br2kCluster> found = session.clusters().cluster(service,
                    () -> session.registry().service(ServiceId.ofName(service)).details().contextHash());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            c = found.get();
            clusters.put(service, c);
        }
        return Optional.of(c);
    }

    /** One round of reading every service's cluster state; runs in the background. */
    public void pollClusters() {
        List<ServiceItem> snapshot = new ArrayList<>(byId.values());
        for (ServiceItem item : snapshot) {
            Optional<Br2kCluster> cluster;
            try {
                cluster = cluster(item.name());
            } catch (RuntimeException e) { // e.g. the Kubernetes API server is unreachable
                String message = UserMessages.describe("Finding the cluster of " + item.name(), e);
                executor.onUi(() -> item.clusterUnreadable(message));
                continue;
            }
            if (cluster.isEmpty()) {
                if (item.health() != dev.br2k.watch.common.Health.NO_CLUSTER) {
                    executor.onUi(item::noCluster);
                }
                continue;
            }
            try {
                ServiceState state = cluster.get().state();
                executor.onUi(() -> item.update(state));
            } catch (RuntimeException e) {
                String message = UserMessages.describe("Reading the replicas of " + item.name(), e);
                executor.onUi(() -> item.clusterUnreadable(message));
            }
        }
    }

    public ObservableList<ServiceItem> items() {
        return items;
    }

    /**
     * The items the filter lets through, in the order of {@link #items()}; what the table shows. A
     * change of the filter or of the items replaces its content in one change, and only when the
     * services shown differ: a table lays out and styles its visible rows again on every change, which
     * for a dashboard of 1,000 costs hundreds of milliseconds (a {@code FilteredList} fires a change on
     * every keystroke, even one that keeps the same rows).
     */
    public ObservableList<ServiceItem> visibleItems() {
        return visible;
    }

    private void refilter() {
        String f = filter.get();
        List<ServiceItem> matching = f == null || f.isBlank() ? items : items.stream().filter(i -> i.matches(f)).toList();
        if (!matching.equals(visible)) {
            visible.setAll(matching);
        }
    }

    public Optional<ServiceItem> item(String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public ObservableList<ClaimItem> claims() {
        return claims;
    }

    /** How many older claims the list dropped (it keeps {@link #MAX_CLAIMS_SHOWN}). */
    public ReadOnlyIntegerProperty olderClaimsProperty() {
        return olderClaims;
    }

    /** "N older claims not shown", or empty while the list holds every claim. */
    public ReadOnlyStringProperty claimsFooterProperty() {
        return claimsFooter;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public Session session() {
        return session;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public Notices notices() {
        return notices;
    }

    @Override
    public void close() {
        polling.cancel();
        if (subscription != null) {
            subscription.close();
        }
        synchronized (this) {
            clusters.clear(); // the session's ClusterDirectory owns and closes them
        }
    }
}
