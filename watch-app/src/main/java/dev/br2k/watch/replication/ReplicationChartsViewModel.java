package dev.br2k.watch.replication;

import dev.br2k.cluster.ServiceState;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The replication charts of a service page: each follower's lag and the leader timeline, over the
 * chosen {@link ChartWindow}. Fed with the service states the page receives from the dashboard's poll and
 * with those of the page's own frequent poll ({@link #recordFrequent}); {@link #revisionProperty()} counts the samples taken, so that the view can redraw at its
 * own pace rather than on every sample.
 */
public final class ReplicationChartsViewModel {

    /** How often the open service page reads a local cluster's replicas for the charts: a failover is timed to within this step. */
    public static final Duration FREQUENT_SAMPLING = Duration.ofMillis(250);
    /** The same for a Kubernetes cluster, whose every read asks the API server and etcd through a port-forward. */
    public static final Duration REMOTE_SAMPLING = Duration.ofSeconds(1);
    /** The spacing of the frequent poll's samples that are kept when who leads did not change. */
    public static final Duration KEPT_STEP = Duration.ofSeconds(1);

    /** An hour of the leader's traffic at one read a second. */
    static final int TRAFFIC_CAPACITY = 3_600;

    private final ReplicationHistory history;
    private final java.util.ArrayDeque<TrafficSample> traffic = new java.util.ArrayDeque<>();
    private String trafficProblem = "";
    private final ObjectProperty<ChartWindow> window = new SimpleObjectProperty<>(ChartWindow.FIVE_MINUTES);
    private final LongProperty revision = new SimpleLongProperty();

    public ReplicationChartsViewModel() {
        this(new ReplicationHistory());
    }

    public ReplicationChartsViewModel(ReplicationHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    /** How often the open page reads {@code cluster} for the charts. */
    public static Duration samplingPeriod(dev.br2k.cluster.Br2kCluster cluster) {
        return cluster instanceof dev.br2k.cluster.local.LocalCluster ? FREQUENT_SAMPLING : REMOTE_SAMPLING;
    }

    /** Takes the replicas' status in a polled service state as a sample. */
    public void record(ServiceState state) {
        record(ReplicationSample.of(state));
    }

    public void record(ReplicationSample sample) {
        if (history.add(sample)) {
            revision.set(revision.get() + 1);
        }
    }

    /**
     * Takes a sample of the page's own frequent poll ({@link #FREQUENT_SAMPLING}): kept when who leads
     * changed since the latest sample, or at least {@link #KEPT_STEP} after it, so that a failover is timed
     * to the frequent poll's step while the ring still holds an hour of samples.
     */
    public void recordFrequent(ServiceState state) {
        ReplicationSample sample = ReplicationSample.of(state);
        Optional<ReplicationSample> latest = history.latest();
        boolean keep = latest.isEmpty() || !latest.get().leader().equals(sample.leader())
                || !sample.at().isBefore(latest.get().at().plus(KEPT_STEP));
        if (keep) {
            record(sample);
        } else {
            history.observe(sample); // a backup or a restore between two kept samples still gets its marker
        }
    }

    /** Marks an operation the Watch started (ADD, REDUCE, RECOVERY) on the timeline, now. */
    public void operation(String label) {
        history.mark(new TimelineEvent(Instant.now(), TimelineEvent.Kind.OPERATION, label));
        revision.set(revision.get() + 1);
    }

    /** The backups, restores and operations in the window shown, oldest first. */
    public List<TimelineEvent> events() {
        return history.events(window.get());
    }

    /** Adds the leader's traffic between two reads of its metrics (oldest dropped beyond an hour). */
    public void recordTraffic(TrafficSample sample) {
        Objects.requireNonNull(sample, "sample");
        if (!traffic.isEmpty() && !sample.at().isAfter(traffic.peekLast().at())) {
            return;
        }
        traffic.addLast(sample);
        Instant oldest = sample.at().minus(ChartWindow.longest().length());
        while (traffic.size() > TRAFFIC_CAPACITY || traffic.peekFirst().at().isBefore(oldest)) {
            traffic.removeFirst();
        }
        trafficProblem = "";
        revision.set(revision.get() + 1);
    }

    /** Why no traffic can be shown (no admin token, the leader refused it...); empty once it is read. */
    public void trafficUnavailable(String reason) {
        trafficProblem = Objects.requireNonNull(reason, "reason");
    }

    public String trafficProblem() {
        return trafficProblem;
    }

    /** The leader's traffic in the window shown, oldest first. */
    public List<TrafficSample> traffic() {
        Instant from = from();
        return traffic.stream().filter(t -> !t.at().isBefore(from)).toList();
    }

    /** The window shown: 5 min or 1 h back from the latest sample. */
    public ObjectProperty<ChartWindow> windowProperty() {
        return window;
    }

    /** Grows by one with every sample taken. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    public List<ReplicationSample> samples() {
        return history.samples(window.get());
    }

    public List<LeaderChange> leaderChanges() {
        return history.leaderChanges(window.get());
    }

    public List<String> replicas() {
        return history.replicas(window.get());
    }

    /** Where the window starts and ends (the latest sample). */
    public Instant from() {
        return history.from(window.get());
    }

    public Optional<Instant> leaderlessSince() {
        return history.leaderlessSince();
    }

    /** A line for people: who leads, the failovers in the window and the last one's duration. */
    public String summary() {
        Optional<ReplicationSample> latest = history.latest();
        if (latest.isEmpty()) {
            return "No samples yet: the replicas are read every few seconds.";
        }
        String leader = latest.get().leader().map(l -> "Leader " + l)
                .orElseGet(() -> "No leader for " + seconds(Duration.between(history.leaderlessSince().orElseThrow(), latest.get().at())));
        List<LeaderChange> failovers = history.failovers(window.get());
        String inWindow = failovers.isEmpty() ? "no failover in " + window.get().label()
                : failovers.size() + (failovers.size() == 1 ? " failover" : " failovers") + " in " + window.get().label()
                + ", last " + failovers.get(failovers.size() - 1).durationText() + " without leader";
        return leader + " · " + inWindow;
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
