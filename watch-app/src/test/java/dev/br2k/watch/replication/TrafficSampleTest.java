package dev.br2k.watch.replication;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrafficSampleTest {

    private static final Instant T0 = Instant.parse("2026-12-07T06:00:00Z");

    /** A leader's /metrics as micrometer's Prometheus registry writes it: two request types, a few buckets. */
    private static String metrics(int okWrites, int[] writeBuckets, int reads) {
        String[] le = {"0.001", "0.005", "0.01", "0.05", "+Inf"};
        StringBuilder text = new StringBuilder("""
                # HELP br2k_requests_total \s
                # TYPE br2k_requests_total counter
                br2k_requests_total{status="ok",type="write"} %d.0
                br2k_requests_total{status="ok",type="read"} %d.0
                # TYPE br2k_leader_request_seconds histogram
                """.formatted(okWrites, reads));
        for (int i = 0; i < le.length; i++) {
            text.append("br2k_leader_request_seconds_bucket{type=\"write\",le=\"").append(le[i]).append("\"} ")
                    .append(writeBuckets[i]).append(".0\n");
            text.append("br2k_leader_request_seconds_bucket{type=\"read\",le=\"").append(le[i]).append("\",} ")
                    .append(i == 0 ? 0 : reads).append(".0\n");
        }
        text.append("br2k_leader_request_seconds_count{type=\"write\"} ").append(okWrites).append(".0\n");
        text.append("br2k_lpi 42.0\n");
        return text.toString();
    }

    @Test
    void requests_per_second_and_percentiles_come_from_the_counters_between_two_reads() {
        MetricsScrape before = MetricsScrape.parse(metrics(100, new int[] {0, 50, 100, 100, 100}, 0), T0, "http://127.0.0.1:8081");
        // 200 more writes in 2 s: 100 between 1 and 5 ms, 98 between 5 and 10 ms, 2 between 10 and 50 ms.
        MetricsScrape after = MetricsScrape.parse(metrics(300, new int[] {0, 150, 298, 300, 300}, 0),
                T0.plusSeconds(2), "http://127.0.0.1:8081");

        TrafficSample t = TrafficSample.between(before, after).orElseThrow();

        assertThat(t.requestsPerSecond()).isCloseTo(100, within(0.001));
        assertThat(t.p50Millis().getAsDouble()).as("the 100th of 200 is the last of the 1-5 ms bucket").isCloseTo(5.0, within(0.001));
        assertThat(t.p99Millis().getAsDouble()).as("the 198th of 200 ends the 5-10 ms bucket").isCloseTo(10.0, within(0.001));
    }

    @Test
    void both_request_types_are_summed_and_no_request_between_the_reads_has_no_latency() {
        MetricsScrape before = MetricsScrape.parse(metrics(10, new int[] {0, 10, 10, 10, 10}, 5), T0, "u");
        MetricsScrape same = MetricsScrape.parse(metrics(10, new int[] {0, 10, 10, 10, 10}, 5), T0.plusSeconds(1), "u");

        assertThat(before.requests()).isEqualTo(15);
        TrafficSample idle = TrafficSample.between(before, same).orElseThrow();
        assertThat(idle.requestsPerSecond()).isZero();
        assertThat(idle.p50Millis()).isEmpty();
        assertThat(idle.p99Millis()).isEmpty();
    }

    @Test
    void reads_of_two_leaders_or_of_a_restarted_one_are_not_compared() {
        MetricsScrape before = MetricsScrape.parse(metrics(100, new int[] {0, 100, 100, 100, 100}, 0), T0, "http://a");
        MetricsScrape otherLeader = MetricsScrape.parse(metrics(300, new int[] {0, 300, 300, 300, 300}, 0), T0.plusSeconds(1), "http://b");
        MetricsScrape restarted = MetricsScrape.parse(metrics(3, new int[] {0, 3, 3, 3, 3}, 0), T0.plusSeconds(1), "http://a");

        assertThat(TrafficSample.between(before, otherLeader)).isEqualTo(Optional.empty());
        assertThat(TrafficSample.between(before, restarted)).isEqualTo(Optional.empty());
    }

    @Test
    void a_quantile_in_the_infinite_bucket_is_the_highest_finite_bound() {
        MetricsScrape before = MetricsScrape.parse(metrics(0, new int[] {0, 0, 0, 0, 0}, 0), T0, "u");
        MetricsScrape after = MetricsScrape.parse(metrics(10, new int[] {0, 0, 0, 0, 10}, 0), T0.plusSeconds(1), "u");

        assertThat(TrafficSample.between(before, after).orElseThrow().p99Millis().getAsDouble()).isCloseTo(50.0, within(0.001));
    }

    @Test
    void text_without_br2k_metrics_is_refused_with_the_reason() {
        assertThatThrownBy(() -> MetricsScrape.parse("jvm_threads 12\n", T0, "http://127.0.0.1:9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://127.0.0.1:9").hasMessageContaining("is it a BR2K replica?");
    }
}
