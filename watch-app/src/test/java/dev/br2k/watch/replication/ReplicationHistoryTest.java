package dev.br2k.watch.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

class ReplicationHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-06T22:00:00Z");

    private static ReplicationSample sample(Duration at, String leader, long ssi, long... lpis) {
        Map<String, Long> byName = new LinkedHashMap<>();
        for (int i = 0; i < lpis.length; i++) {
            byName.put("kv-" + i, lpis[i]);
        }
        return new ReplicationSample(T0.plus(at), Optional.ofNullable(leader), ssi, byName);
    }

    /**
     * The leader kv-0 dies 10.37 s in; kv-1 leads 1.2 s later. Sampled every {@code step}, the
     * replicas answer leaderless from the first sample after the death to the last before the takeover.
     */
    private static ReplicationHistory failoverSampledEvery(Duration step) {
        ReplicationHistory history = new ReplicationHistory();
        Duration death = Duration.ofMillis(10_370);
        Duration takeover = death.plusMillis(1_200);
        for (Duration t = Duration.ZERO; t.compareTo(Duration.ofSeconds(20)) < 0; t = t.plus(step)) {
            String leader = t.compareTo(death) < 0 ? "kv-0" : t.compareTo(takeover) < 0 ? null : "kv-1";
            history.add(sample(t, leader, 100, 100, 90, 80));
        }
        return history;
    }

    @Test
    void a_failover_of_1_2_s_is_measured_as_1_2_s_within_the_sampling_step() {
        for (Duration step : new Duration[] {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500)}) {
            ReplicationHistory history = failoverSampledEvery(step);

            assertThat(history.failovers(ChartWindow.FIVE_MINUTES)).singleElement().satisfies(f -> {
                assertThat(f.previous()).contains("kv-0");
                assertThat(f.leader()).isEqualTo("kv-1");
                assertThat(f.leaderless().toMillis()).as("step %s", step).isCloseTo(1_200L, within(step.toMillis()));
            });
        }
    }

    @Test
    void the_failover_duration_reads_as_seconds_with_one_decimal() {
        LeaderChange failover = failoverSampledEvery(Duration.ofMillis(100)).failovers(ChartWindow.FIVE_MINUTES).get(0);

        assertThat(failover.durationText()).isEqualTo("1.2 s");
        assertThat(failover.leaderlessSince()).isEqualTo(T0.plusMillis(10_400));
    }

    @Test
    void the_timeline_starts_with_the_first_leader_and_a_leaderless_start_is_not_a_failover() {
        ReplicationHistory history = new ReplicationHistory();
        history.add(sample(Duration.ZERO, null, -1));
        history.add(sample(Duration.ofSeconds(1), null, 0, 0, 0));
        history.add(sample(Duration.ofSeconds(2), "kv-0", 0, 0, 0));
        history.add(sample(Duration.ofSeconds(3), "kv-0", 5, 5, 4));

        assertThat(history.leaderChanges(ChartWindow.FIVE_MINUTES)).singleElement().satisfies(c -> {
            assertThat(c.failover()).isFalse();
            assertThat(c.leader()).isEqualTo("kv-0");
        });
        assertThat(history.failovers(ChartWindow.FIVE_MINUTES)).isEmpty();
    }

    @Test
    void a_leader_change_between_two_samples_is_a_failover_shorter_than_the_step() {
        ReplicationHistory history = new ReplicationHistory();
        history.add(sample(Duration.ZERO, "kv-0", 10, 10, 10));
        history.add(sample(Duration.ofSeconds(2), "kv-1", 12, 11, 12));

        assertThat(history.failovers(ChartWindow.FIVE_MINUTES)).singleElement()
                .satisfies(f -> assertThat(f.leaderless()).isZero());
    }

    @Test
    void a_service_still_without_leader_says_since_when() {
        ReplicationHistory history = failoverSampledEvery(Duration.ofMillis(100));
        history.add(sample(Duration.ofSeconds(21), null, 200, 150, 200, 190));
        history.add(sample(Duration.ofSeconds(22), null, 200, 150, 200, 190));

        assertThat(history.leaderlessSince()).contains(T0.plusSeconds(21));
    }

    @Test
    void each_followers_lag_is_the_service_state_minus_its_lpi_and_the_leader_has_none() {
        ReplicationSample s = sample(Duration.ZERO, "kv-0", 120, 120, 90, 125);

        assertThat(s.followerLags()).containsExactly(Map.entry("kv-1", 30L), Map.entry("kv-2", 0L));
        assertThat(sample(Duration.ZERO, "kv-0", -1, 5, 4).followerLags()).as("ssi unknown").isEmpty();
    }

    @Test
    void the_history_keeps_one_hour_and_the_five_minute_window_shows_the_last_five() {
        ReplicationHistory history = new ReplicationHistory();
        for (int s = 0; s <= 2 * 3600; s += 2) {
            history.add(sample(Duration.ofSeconds(s), "kv-0", s, s, s));
        }

        assertThat(history.size()).isEqualTo(1801); // 3600 s back from the latest, every 2 s
        assertThat(history.samples(ChartWindow.ONE_HOUR).get(0).at()).isEqualTo(T0.plusSeconds(3600));
        assertThat(history.samples(ChartWindow.FIVE_MINUTES)).hasSize(151)
                .first().satisfies(first -> assertThat(first.at()).isEqualTo(T0.plusSeconds(2 * 3600 - 300)));
    }

    @Test
    void the_ring_drops_the_oldest_samples_beyond_its_capacity() {
        ReplicationHistory history = new ReplicationHistory(10, Duration.ofHours(1));
        for (int i = 0; i < 25; i++) {
            history.add(sample(Duration.ofMillis(i * 100L), "kv-0", i, i));
        }

        assertThat(history.size()).isEqualTo(10);
        assertThat(history.samples(ChartWindow.ONE_HOUR).get(0).serviceState()).isEqualTo(15);
    }

    @Test
    void a_sample_older_than_the_latest_is_ignored() {
        ReplicationHistory history = new ReplicationHistory();
        history.add(sample(Duration.ofSeconds(5), "kv-0", 10, 10));

        assertThat(history.add(sample(Duration.ofSeconds(4), null, 9, 9))).isFalse();
        assertThat(history.leaderlessSince()).isEmpty();
        assertThat(history.size()).isEqualTo(1);
    }

    @Test
    void a_history_too_small_to_draw_a_line_is_refused_with_the_reason() {
        assertThatThrownBy(() -> new ReplicationHistory(1, Duration.ofMinutes(5)))
                .hasMessageContaining("capacity must be at least 2");
    }

    private static ReplicationSample versioned(Duration at, long stateVersion, String... restoring) {
        return new ReplicationSample(T0.plus(at), Optional.of("kv-0"), 10, Map.of("kv-0", 10L, "kv-1", 10L), stateVersion,
                java.util.Set.of(restoring));
    }

    @Test
    void a_state_version_going_up_is_a_backup_on_the_timeline_and_the_first_sample_only_sets_where_it_starts() {
        ReplicationHistory history = new ReplicationHistory();
        history.add(versioned(Duration.ZERO, 3, "kv-1")); // opened while kv-1 was restoring: no marker, not known since when
        history.add(versioned(Duration.ofSeconds(1), 3, "kv-1"));
        history.add(versioned(Duration.ofSeconds(2), 4));

        assertThat(history.events(ChartWindow.FIVE_MINUTES)).containsExactly(
                new TimelineEvent(T0.plusSeconds(2), TimelineEvent.Kind.BACKUP, "backup v4"));
    }

    @Test
    void a_replica_turning_learner_is_a_restore_marked_once_while_it_restores_and_again_the_next_time() {
        ReplicationHistory history = new ReplicationHistory();
        history.add(versioned(Duration.ZERO, 3));
        history.add(versioned(Duration.ofSeconds(1), 3, "kv-1"));
        history.add(versioned(Duration.ofSeconds(2), 3, "kv-1"));
        history.add(versioned(Duration.ofSeconds(3), 3));
        history.add(versioned(Duration.ofSeconds(4), 3, "kv-1"));

        assertThat(history.events(ChartWindow.FIVE_MINUTES)).extracting(TimelineEvent::at, TimelineEvent::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(1), "kv-1 restores"),
                org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(4), "kv-1 restores"));
    }

    @Test
    void a_backup_seen_only_in_a_sample_that_is_not_kept_still_gets_its_marker() {
        // the page's frequent poll: 250 ms later, same leader, so the sample is not kept, but the backup is seen
        ReplicationHistory history = new ReplicationHistory();
        history.add(versioned(Duration.ZERO, 3));
        history.observe(versioned(Duration.ofMillis(250), 4));
        history.add(versioned(Duration.ofSeconds(1), 4));

        assertThat(history.size()).isEqualTo(2);
        assertThat(history.events(ChartWindow.FIVE_MINUTES)).extracting(TimelineEvent::label).containsExactly("backup v4");
    }

    @Test
    void an_operation_is_marked_where_it_started_and_leaves_the_window_with_the_samples() {
        ReplicationHistory history = new ReplicationHistory();
        history.add(versioned(Duration.ZERO, 3));
        history.mark(new TimelineEvent(T0.plusSeconds(1), TimelineEvent.Kind.OPERATION, "ADD"));
        history.add(versioned(Duration.ofSeconds(2), 3));
        assertThat(history.events(ChartWindow.FIVE_MINUTES)).extracting(TimelineEvent::label).containsExactly("ADD");

        history.add(versioned(Duration.ofMinutes(6), 3));

        assertThat(history.events(ChartWindow.FIVE_MINUTES)).isEmpty();
        assertThat(history.events(ChartWindow.ONE_HOUR)).extracting(TimelineEvent::label).containsExactly("ADD");
    }
}
