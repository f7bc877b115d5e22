package dev.br2k.watch.dashboard;

import dev.br2k.watch.replication.ReplicationSample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTrendTest {

    private static final Instant T0 = Instant.parse("2026-12-07T06:00:00Z");

    @Test
    void the_ring_keeps_the_last_five_minutes_of_polls_oldest_first() {
        ServiceTrend trend = new ServiceTrend();
        for (int i = 0; i < ServiceTrend.CAPACITY + 10; i++) {
            trend.add(new ReplicationSample(T0.plusSeconds(2L * i), Optional.of("kv-0"), 100 + i, Map.of("kv-0", 100L + i, "kv-1", 100L)));
        }

        assertThat(trend.size()).isEqualTo(ServiceTrend.CAPACITY).isEqualTo(150);
        assertThat(trend.at(0)).isEqualTo(T0.plusSeconds(20));
        assertThat(trend.lag(0)).as("kv-1 follows 10 entries behind at the oldest kept poll").isEqualTo(10);
        assertThat(trend.lag(trend.size() - 1)).isEqualTo(ServiceTrend.CAPACITY + 9);
        assertThat(trend.leaderless()).isZero();
    }

    @Test
    void a_poll_answered_late_is_ignored() {
        ServiceTrend trend = new ServiceTrend();
        assertThat(trend.add(new ReplicationSample(T0.plusSeconds(2), Optional.empty(), 5, Map.of("kv-0", 5L)))).isTrue();
        assertThat(trend.add(new ReplicationSample(T0, Optional.of("kv-0"), 5, Map.of("kv-0", 5L)))).isFalse();

        assertThat(trend.size()).isEqualTo(1);
        assertThat(trend.led(0)).isFalse();
    }
}
