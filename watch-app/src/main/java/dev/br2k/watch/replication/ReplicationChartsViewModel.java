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
 * chosen {@link ChartWindow}. Fed with the service states the page already receives (no polling of
 * its own); {@link #revisionProperty()} counts the samples taken, so that the view can redraw at its
 * own pace rather than on every sample.
 */
public final class ReplicationChartsViewModel {

    private final ReplicationHistory history;
    private final ObjectProperty<ChartWindow> window = new SimpleObjectProperty<>(ChartWindow.FIVE_MINUTES);
    private final LongProperty revision = new SimpleLongProperty();

    public ReplicationChartsViewModel() {
        this(new ReplicationHistory());
    }

    public ReplicationChartsViewModel(ReplicationHistory history) {
        this.history = Objects.requireNonNull(history, "history");
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
