package dev.br2k.watch.replication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The replication samples of the last {@link ChartWindow#longest()} (and at most {@code capacity} of
 * them, the oldest dropped first), with the leader changes found in them.
 *
 * <p>A failover's duration is measured from the first sample in which no replica led to the first in
 * which one did, so it is exact to within the sampling step. No JavaFX: the charts' ViewModel feeds it
 * on the FX thread; it is not thread-safe.
 */
public final class ReplicationHistory {

    /** Enough for an hour at two samples a second. */
    public static final int DEFAULT_CAPACITY = 7_200;

    private final int capacity;
    private final Duration retention;
    private final Deque<ReplicationSample> samples = new ArrayDeque<>();
    private final Deque<LeaderChange> changes = new ArrayDeque<>();
    private final Deque<TimelineEvent> events = new ArrayDeque<>();
    private long seenStateVersion = -1;
    private java.util.Set<String> seenRestoring = java.util.Set.of();
    private Instant seenAt;
    private Optional<String> lastLeader = Optional.empty();
    private Optional<Instant> leaderlessSince = Optional.empty();

    public ReplicationHistory() {
        this(DEFAULT_CAPACITY, ChartWindow.longest().length());
    }

    public ReplicationHistory(int capacity, Duration retention) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2 samples, was " + capacity);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        this.capacity = capacity;
        this.retention = retention;
    }

    /**
     * Adds a sample. One not newer than the latest (a poll answered late) is ignored and {@code false}
     * returned: the history stays in time order.
     */
    public boolean add(ReplicationSample sample) {
        Objects.requireNonNull(sample, "sample");
        if (!samples.isEmpty() && !sample.at().isAfter(samples.peekLast().at())) {
            return false;
        }
        observe(sample);
        if (sample.leader().isEmpty()) {
            if (leaderlessSince.isEmpty()) {
                leaderlessSince = Optional.of(sample.at());
            }
        } else {
            String leader = sample.leader().get();
            if (leaderlessSince.isPresent() || !lastLeader.equals(sample.leader())) {
                Duration gap = leaderlessSince.map(since -> Duration.between(since, sample.at())).orElse(Duration.ZERO);
                // Replicas seen leaderless before any leader: that was the service starting, not a failover.
                boolean first = lastLeader.isEmpty();
                changes.addLast(new LeaderChange(sample.at(), lastLeader, leader, first ? Duration.ZERO : gap));
            }
            lastLeader = sample.leader();
            leaderlessSince = Optional.empty();
        }
        samples.addLast(sample);
        evict(sample.at());
        return true;
    }

    /**
     * Finds the backups and restores in a sample, also one that is not kept (the page polls more often than it
     * keeps samples, and a restore can be over within a second): the state version going up is a backup, a replica
     * turning Learner a restore. The first sample seen only sets what later ones are compared with; one not newer
     * than the last seen is ignored.
     */
    public void observe(ReplicationSample sample) {
        Objects.requireNonNull(sample, "sample");
        if (seenAt != null && !sample.at().isAfter(seenAt)) {
            return; // answered late: a newer sample was seen already
        }
        if (seenAt != null) {
            if (sample.stateVersion() > seenStateVersion && seenStateVersion >= 0) {
                events.addLast(new TimelineEvent(sample.at(), TimelineEvent.Kind.BACKUP, "backup v" + sample.stateVersion()));
            }
            sample.restoring().stream().filter(r -> !seenRestoring.contains(r)).sorted()
                    .forEach(r -> events.addLast(new TimelineEvent(sample.at(), TimelineEvent.Kind.RESTORE, r + " restores")));
        }
        seenAt = sample.at();
        seenStateVersion = Math.max(seenStateVersion, sample.stateVersion());
        seenRestoring = sample.restoring();
        evictEvents(sample.at());
    }

    /** Puts an event the replicas' status cannot show on the timeline: an operation the Watch started. */
    public void mark(TimelineEvent event) {
        events.addLast(Objects.requireNonNull(event, "event"));
    }

    /** The backups, restores and operations in {@code window} before the latest sample, oldest first. */
    public List<TimelineEvent> events(ChartWindow window) {
        Instant from = from(window);
        return events.stream().filter(e -> !e.at().isBefore(from)).sorted(java.util.Comparator.comparing(TimelineEvent::at)).toList();
    }

    private void evictEvents(Instant now) {
        Instant oldest = now.minus(retention);
        while (!events.isEmpty() && events.peekFirst().at().isBefore(oldest)) {
            events.removeFirst();
        }
        while (events.size() > capacity) {
            events.removeFirst();
        }
    }

    private void evict(Instant now) {
        Instant oldest = now.minus(retention);
        while (samples.size() > capacity || samples.peekFirst().at().isBefore(oldest)) {
            samples.removeFirst();
        }
        while (!changes.isEmpty() && changes.peekFirst().at().isBefore(oldest)) {
            changes.removeFirst();
        }
    }

    /** The samples in {@code window} before the latest one, oldest first. */
    public List<ReplicationSample> samples(ChartWindow window) {
        Instant from = from(window);
        List<ReplicationSample> in = new ArrayList<>();
        var newestFirst = samples.descendingIterator();
        while (newestFirst.hasNext()) {
            ReplicationSample s = newestFirst.next();
            if (s.at().isBefore(from)) {
                break;
            }
            in.add(s);
        }
        java.util.Collections.reverse(in);
        return in;
    }

    /** The leader changes in {@code window} before the latest sample, oldest first. */
    public List<LeaderChange> leaderChanges(ChartWindow window) {
        Instant from = from(window);
        return changes.stream().filter(c -> !c.at().isBefore(from)).toList();
    }

    /** The failovers (leader changes after the first leader) in {@code window}. */
    public List<LeaderChange> failovers(ChartWindow window) {
        return leaderChanges(window).stream().filter(LeaderChange::failover).toList();
    }

    /** Since when no replica leads, if none does in the latest sample. */
    public Optional<Instant> leaderlessSince() {
        return leaderlessSince;
    }

    public Optional<ReplicationSample> latest() {
        return Optional.ofNullable(samples.peekLast());
    }

    /** The replicas seen in {@code window}, in the order first seen. */
    public List<String> replicas(ChartWindow window) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (ReplicationSample s : samples(window)) {
            names.addAll(s.lpis().keySet());
        }
        return List.copyOf(names);
    }

    public int size() {
        return samples.size();
    }

    /** Where {@code window} starts: that long before the latest sample. */
    public Instant from(ChartWindow window) {
        return latest().map(s -> s.at().minus(window.length())).orElse(Instant.EPOCH);
    }
}
