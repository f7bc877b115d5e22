package dev.br2k.watch.replication;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The leader's traffic between two reads of its {@code /metrics}: requests a second and the 50th and 99th
 * percentile of the time from a request reaching the leader's pipeline to its answer.
 *
 * @param at                the later read
 * @param requestsPerSecond requests answered per second between the reads
 * @param p50Millis         median latency in ms, empty when no request was timed between the reads
 * @param p99Millis         99th percentile in ms, empty likewise
 */
public record TrafficSample(Instant at, double requestsPerSecond, OptionalDouble p50Millis, OptionalDouble p99Millis) {

    public TrafficSample {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(p50Millis, "p50Millis");
        Objects.requireNonNull(p99Millis, "p99Millis");
    }

    /**
     * The traffic between two reads of one leader; empty when they cannot be compared (another replica,
     * counters that went back: a restarted process, or no time between them).
     */
    public static Optional<TrafficSample> between(MetricsScrape before, MetricsScrape after) {
        double seconds = Duration.between(before.at(), after.at()).toNanos() / 1e9;
        if (!before.source().equals(after.source()) || seconds <= 0 || after.requests() < before.requests()) {
            return Optional.empty();
        }
        double[] bounds = after.buckets().keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] counts = new double[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            double delta = after.buckets().get(bounds[i]) - before.buckets().getOrDefault(bounds[i], 0.0);
            if (delta < 0) {
                return Optional.empty();
            }
            counts[i] = delta;
        }
        return Optional.of(new TrafficSample(after.at(), (after.requests() - before.requests()) / seconds,
                quantile(bounds, counts, 0.50), quantile(bounds, counts, 0.99)));
    }

    /**
     * The quantile of cumulative bucket counts, interpolated linearly inside its bucket (as Prometheus'
     * {@code histogram_quantile}); in the {@code +Inf} bucket, the highest finite bound.
     */
    static OptionalDouble quantile(double[] bounds, double[] cumulative, double q) {
        if (bounds.length == 0 || cumulative[cumulative.length - 1] <= 0) {
            return OptionalDouble.empty();
        }
        double rank = q * cumulative[cumulative.length - 1];
        double lowerBound = 0;
        double lowerCount = 0;
        for (int i = 0; i < bounds.length; i++) {
            if (cumulative[i] >= rank) {
                if (Double.isInfinite(bounds[i])) {
                    return OptionalDouble.of(lowerBound * 1000);
                }
                double inBucket = cumulative[i] - lowerCount;
                double share = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return OptionalDouble.of((lowerBound + (bounds[i] - lowerBound) * share) * 1000);
            }
            lowerBound = Double.isInfinite(bounds[i]) ? lowerBound : bounds[i];
            lowerCount = cumulative[i];
        }
        return OptionalDouble.of(lowerBound * 1000);
    }

    /** For tests: the quantile of a bucket map (upper bound in s to cumulative count), in ms. */
    static OptionalDouble quantile(Map<Double, Double> buckets, double q) {
        double[] bounds = buckets.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] counts = buckets.values().stream().mapToDouble(Double::doubleValue).toArray();
        return quantile(bounds, counts, q);
    }
}
