package dev.br2k.watch.replication;

import java.time.Instant;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one read of a leader's {@code GET /metrics} (Prometheus text) says about its traffic.
 *
 * @param at       when it was read
 * @param source   the URL it was read from: counters of another replica (a new leader) are not comparable
 * @param requests {@code br2k_requests_total}, summed over its types and statuses
 * @param buckets  {@code br2k_leader_request_seconds_bucket}, summed over the request types: upper bound in
 *                 seconds ({@code +Inf} as {@link Double#POSITIVE_INFINITY}) to the cumulative count
 */
public record MetricsScrape(Instant at, String source, double requests, NavigableMap<Double, Double> buckets) {

    static final String REQUESTS = "br2k_requests_total";
    static final String LATENCY_BUCKET = "br2k_leader_request_seconds_bucket";

    public MetricsScrape {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        buckets = Collections.unmodifiableNavigableMap(new TreeMap<>(Objects.requireNonNull(buckets, "buckets")));
    }

    /**
     * Reads the two families the charts need from a scrape in Prometheus' text format; other lines are
     * skipped.
     *
     * @throws IllegalArgumentException if the text has neither family (not a BR2K replica's metrics)
     */
    public static MetricsScrape parse(String text, Instant at, String source) {
        double requests = 0;
        boolean found = false;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(REQUESTS + "{") || line.startsWith(REQUESTS + " ")) {
                requests += value(line);
                found = true;
            } else if (line.startsWith(LATENCY_BUCKET + "{")) {
                double le = upperBound(line);
                buckets.merge(le, value(line), Double::sum);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("The metrics of " + source + " have neither " + REQUESTS + " nor "
                    + LATENCY_BUCKET + ": is it a BR2K replica?");
        }
        return new MetricsScrape(at, source, requests, buckets);
    }

    private static double value(String line) {
        int end = line.lastIndexOf('}');
        String rest = line.substring(end < 0 ? line.indexOf(' ') : end + 1).trim();
        int space = rest.indexOf(' '); // a timestamp may follow the value
        return Double.parseDouble(space < 0 ? rest : rest.substring(0, space));
    }

    private static double upperBound(String line) {
        int i = line.indexOf("le=\"");
        if (i < 0) {
            throw new IllegalArgumentException("A histogram bucket without le: " + line);
        }
        String le = line.substring(i + 4, line.indexOf('"', i + 4));
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }
}
