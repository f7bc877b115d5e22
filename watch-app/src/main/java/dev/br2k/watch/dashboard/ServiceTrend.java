package dev.br2k.watch.dashboard;

import dev.br2k.watch.replication.ReplicationSample;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A service's last minutes of replication for the dashboard's sparkline: per polled state, the highest
 * follower lag and whether a replica led. A fixed ring of {@link #CAPACITY} points (5 min at the
 * dashboard's 2 s poll), the oldest overwritten: a dashboard of 1,000 services keeps 1,000 of them.
 * No JavaFX; changed on the UI thread only.
 */
public final class ServiceTrend {

    /** Points kept: 5 min at one a {@link DashboardViewModel#CLUSTER_POLL}. */
    public static final int CAPACITY = (int) (Duration.ofMinutes(5).toMillis() / DashboardViewModel.CLUSTER_POLL.toMillis());

    private final long[] at = new long[CAPACITY];
    private final long[] lag = new long[CAPACITY];
    private final boolean[] leader = new boolean[CAPACITY];
    private int next;
    private int size;

    /** Adds a polled sample; one not newer than the latest is ignored and {@code false} returned. */
    public boolean add(ReplicationSample sample) {
        Objects.requireNonNull(sample, "sample");
        long ms = sample.at().toEpochMilli();
        if (size > 0 && ms <= at[Math.floorMod(next - 1, CAPACITY)]) {
            return false;
        }
        at[next] = ms;
        lag[next] = sample.followerLags().values().stream().mapToLong(Long::longValue).max().orElse(0);
        leader[next] = sample.leader().isPresent();
        next = (next + 1) % CAPACITY;
        size = Math.min(CAPACITY, size + 1);
        return true;
    }

    public int size() {
        return size;
    }

    /** The i-th point, oldest first: when it was polled. */
    public Instant at(int i) {
        return Instant.ofEpochMilli(at[index(i)]);
    }

    /** The i-th point's highest follower lag in entries (0 with no follower). */
    public long lag(int i) {
        return lag[index(i)];
    }

    /** Whether a replica led at the i-th point. */
    public boolean led(int i) {
        return leader[index(i)];
    }

    /** The highest lag kept, at least 1 (a scale). */
    public long peakLag() {
        long peak = 1;
        for (int i = 0; i < size; i++) {
            peak = Math.max(peak, lag(i));
        }
        return peak;
    }

    /** Points at which no replica led. */
    public int leaderless() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += led(i) ? 0 : 1;
        }
        return n;
    }

    /** What a screen reader reads for the sparkline. */
    public String describe() {
        if (size == 0) {
            return "No replication samples yet.";
        }
        int without = leaderless();
        return "Last " + Math.max(1, Duration.between(at(0), at(size - 1)).toMinutes()) + " min: highest follower lag "
                + peakLag() + (peakLag() == 1 ? " entry" : " entries") + ", lag now " + lag(size - 1)
                + (without == 0 ? ", a leader throughout." : ", no leader in " + without + " of " + size + " samples.");
    }

    private int index(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("point " + i + " of " + size);
        }
        return Math.floorMod(next - size + i, CAPACITY);
    }
}
