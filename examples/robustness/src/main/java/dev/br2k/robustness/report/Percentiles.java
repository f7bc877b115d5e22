package dev.br2k.robustness.report;

import java.util.List;

/** Nearest-rank percentiles of durations in seconds. */
public final class Percentiles {
    private Percentiles() {
    }

    /** The {@code p}-th percentile (0 < p <= 100) of {@code values} by nearest rank; NaN when empty. */
    public static double of(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    public static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
