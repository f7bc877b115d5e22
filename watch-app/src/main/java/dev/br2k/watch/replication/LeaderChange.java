package dev.br2k.watch.replication;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A replica became leader.
 *
 * @param at         the first sample in which it led
 * @param previous   the leader before, empty for the first leader seen
 * @param leader     the new leader
 * @param leaderless how long no replica led before: from the first sample in which none did to
 *                   {@code at}; zero when the leader changed between two samples (a failover shorter
 *                   than the sampling step)
 */
public record LeaderChange(Instant at, Optional<String> previous, String leader, Duration leaderless) {

    public LeaderChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(leaderless, "leaderless");
    }

    /** True when a leader was lost and another (or the same) one took over: not the first leader seen. */
    public boolean failover() {
        return previous.isPresent();
    }

    /** When the service was left without a leader. */
    public Instant leaderlessSince() {
        return at.minus(leaderless);
    }

    /** The duration as people read it: "1.2 s", "850 ms". */
    public String durationText() {
        long ms = leaderless.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
