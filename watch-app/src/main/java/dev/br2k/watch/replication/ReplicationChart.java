package dev.br2k.watch.replication;

import javafx.animation.PauseTransition;
import javafx.geometry.VPos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.util.Duration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The leader timeline and one lag chart per follower, drawn on a {@link Canvas}. New samples are
 * drawn at most once a second, however often they come (every 5 s with the 1 h window:
 * {@link ChartWindow#redrawEvery()}); a resize or another window is drawn at once.
 *
 * <p>The timeline is coloured by leader, red where no replica led; each failover is a marker labelled
 * with the new leader and how long the service was without one; backups, restores and the Watch's
 * operations are diamonds on the band's edge, each kind in its colour.
 */
public final class ReplicationChart extends Region {

    static final double TIMELINE_HEIGHT = 40;
    static final double LAG_ROW_HEIGHT = 40;
    /** From this width on, requests/s and latency stand left of the lag charts; below it, above them. */
    static final double TWO_COLUMNS = 900;
    private static final Color REQUESTS = Color.web("#58a6ff");
    private static final Color P50 = Color.web("#3fb950");
    private static final Color P99 = Color.web("#d29922");
    static final double LEFT = 96;
    private static final double PAD = 8;
    private static final Color BACKGROUND = Color.web("#0d1117");
    private static final Color TEXT = Color.web("#c9d1d9");
    private static final Color MUTED = Color.web("#8b949e");
    private static final Color LINE = Color.web("#30363d");
    private static final Color NO_LEADER = Color.web("#f85149");
    private static final Color MARKER = Color.web("#f0f6fc");
    private static final Color BACKUP = Color.web("#79c0ff");
    private static final Color RESTORE = Color.web("#e3b341");
    private static final Color OPERATION = Color.web("#56d364");
    private static final Color[] LEADERS = {
            Color.web("#2f81f7"), Color.web("#3fb950"), Color.web("#a371f7"), Color.web("#d29922"), Color.web("#db61a2")};
    private static final Font FONT = Font.font("System", 12);

    private final ReplicationChartsViewModel vm;
    private final Canvas canvas = new Canvas();
    private final PauseTransition wait = new PauseTransition();
    private long lastPaintNanos = Long.MIN_VALUE / 2;
    private boolean dirty = true;
    private int paints;
    private long paintNanos;
    private List<String> markerLabels = List.of();

    public ReplicationChart(ReplicationChartsViewModel vm) {
        this.vm = Objects.requireNonNull(vm, "vm");
        getStyleClass().add("replication-chart");
        getChildren().add(canvas);
        setMinSize(0, TIMELINE_HEIGHT + 2 * LAG_ROW_HEIGHT);
        setAccessibleRole(AccessibleRole.TEXT);
        setAccessibleRoleDescription("replication charts");
        wait.setOnFinished(e -> repaintNow());
        vm.revisionProperty().addListener((o, was, now) -> sampled());
        vm.windowProperty().addListener((o, was, now) -> repaintNow());
    }

    /** A new sample: drawn now if the last drawing is a second old, else when it will be. */
    private void sampled() {
        if (wait.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            return;
        }
        long since = System.nanoTime() - lastPaintNanos;
        long left = vm.windowProperty().get().redrawEvery().toNanos() - since;
        if (left <= 0) {
            repaintNow();
        } else {
            wait.setDuration(Duration.millis(Math.max(1, left / 1_000_000.0)));
            wait.playFromStart();
        }
    }

    private void repaintNow() {
        dirty = true;
        requestLayout();
    }

    /** How often the chart was drawn (for tests and benchmarks). */
    public int paints() {
        return paints;
    }

    /** The FX thread's time spent drawing, in total (for benchmarks). */
    public long paintNanos() {
        return paintNanos;
    }

    /** The labels of the latest drawing: the failovers (e.g. {@code "kv-1 after 1.2 s"}), then the backups, restores and operations, each oldest first. */
    public List<String> markerLabels() {
        return markerLabels;
    }

    @Override
    protected double computePrefHeight(double width) {
        int lagRows = Math.max(2, vm.replicas().size());
        int rows = width >= TWO_COLUMNS ? lagRows : 2 + lagRows;
        return TIMELINE_HEIGHT + LAG_ROW_HEIGHT * rows + 14;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(0, getWidth());
        double h = Math.max(0, getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        if (dirty) {
            long start = System.nanoTime();
            paint();
            paintNanos += System.nanoTime() - start;
        }
    }

    private void paint() {
        dirty = false;
        paints++;
        lastPaintNanos = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.setFont(FONT);
        g.setTextBaseline(VPos.CENTER);
        List<ReplicationSample> samples = vm.samples();
        List<String> replicas = vm.replicas();
        if (samples.isEmpty()) {
            g.setFill(MUTED);
            g.fillText(vm.summary(), PAD, TIMELINE_HEIGHT / 2);
            markerLabels = List.of();
            notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
            return;
        }
        Instant from = vm.from();
        Instant to = samples.get(samples.size() - 1).at();
        double span = Math.max(1, vm.windowProperty().get().length().toMillis());
        double plot = Math.max(1, w - LEFT - PAD);
        long fromMs = from.toEpochMilli();
        java.util.function.ToDoubleFunction<Instant> x = t -> LEFT + ((t.toEpochMilli() - fromMs) / span) * plot;
        int[] columns = new int[samples.size()]; // each sample's pixel column, computed once per drawing
        for (int i = 0; i < columns.length; i++) {
            columns[i] = (int) x.applyAsDouble(samples.get(i).at());
        }

        // The leader timeline: a band coloured by leader, red while no replica led.
        g.setFill(MUTED);
        g.fillText("Leader", PAD, TIMELINE_HEIGHT / 2 - 6);
        double bandY = 6;
        double bandH = 12;
        // One rectangle per run of samples with the same leader (per sample, the seams would show).
        int runStart = 0;
        for (int i = 1; i <= samples.size(); i++) {
            if (i < samples.size() && samples.get(i).leader().equals(samples.get(runStart).leader())) {
                continue;
            }
            double x0 = x.applyAsDouble(samples.get(runStart).at());
            double x1 = i < samples.size() ? x.applyAsDouble(samples.get(i).at()) : x.applyAsDouble(to) + 1;
            g.setFill(samples.get(runStart).leader().map(l -> colour(replicas, l)).orElse(NO_LEADER));
            g.fillRect(x0, bandY, Math.max(1, x1 - x0), bandH);
            runStart = i;
        }
        List<String> labels = new ArrayList<>();
        List<double[]> taken = new ArrayList<>(); // the label row's spans already written on
        g.setTextBaseline(VPos.TOP);
        for (LeaderChange c : vm.leaderChanges()) {
            if (!c.failover()) {
                continue;
            }
            String label = c.leader() + " after " + c.durationText();
            labels.add(label);
            double mx = x.applyAsDouble(c.at());
            double sx = Math.max(LEFT, x.applyAsDouble(c.leaderlessSince())); // a failover that began before the window
            g.setStroke(MARKER);
            g.setLineWidth(1);
            g.strokeLine(mx, bandY - 3, mx, bandY + bandH + 3);
            g.fillPolygon(new double[] {mx - 4, mx + 4, mx}, new double[] {bandY + bandH + 9, bandY + bandH + 9, bandY + bandH + 3}, 3);
            g.setStroke(NO_LEADER);
            g.strokeLine(sx, bandY + bandH + 6, mx, bandY + bandH + 6);
            g.setFill(MARKER);
            double lx = Math.min(mx + 6, Math.max(LEFT, w - PAD - label.length() * 6.5));
            g.fillText(label, lx, bandY + bandH + 6);
            taken.add(new double[] {lx, lx + label.length() * 6.5});
        }
        paintEvents(g, x, w, bandY, bandH, labels, taken);
        markerLabels = List.copyOf(labels);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(MUTED);
        g.fillText(vm.windowProperty().get().label() + " ago", LEFT, h - 7);
        g.fillText("now", w - PAD - 22, h - 7);

        if (w >= TWO_COLUMNS) { // requests/s and latency on the left, the lags on the right, each on its own time axis
            double half = Math.floor(w / 2);
            double plotLeft = Math.max(1, half - LEFT - PAD);
            double plotRight = Math.max(1, w - half - LEFT - PAD);
            paintTraffic(g, t -> LEFT + ((t.toEpochMilli() - fromMs) / span) * plotLeft, 0, plotLeft, TIMELINE_HEIGHT);
            int[] right = new int[samples.size()];
            for (int i = 0; i < right.length; i++) {
                right[i] = (int) (half + LEFT + ((samples.get(i).at().toEpochMilli() - fromMs) / span) * plotRight);
            }
            paintLags(g, samples, replicas, right, half, plotRight, TIMELINE_HEIGHT);
        } else {
            paintTraffic(g, x, 0, plot, TIMELINE_HEIGHT);
            paintLags(g, samples, replicas, columns, 0, plot, TIMELINE_HEIGHT + 2 * LAG_ROW_HEIGHT);
        }
        notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }

    /**
     * Backups, restores and operations: a diamond on the band's top edge in the kind's colour, and its label
     * below the band where the failovers' labels leave room (every label is in {@link #markerLabels()} and read
     * out by screen readers either way).
     */
    private void paintEvents(GraphicsContext g, java.util.function.ToDoubleFunction<Instant> x, double w, double bandY,
                             double bandH, List<String> labels, List<double[]> taken) {
        double right = w - PAD;
        for (TimelineEvent e : vm.events()) {
            labels.add(e.label());
            double ex = Math.max(LEFT, Math.min(right, x.applyAsDouble(e.at())));
            Color colour = switch (e.kind()) {
                case BACKUP -> BACKUP;
                case RESTORE -> RESTORE;
                case OPERATION -> OPERATION;
            };
            g.setFill(colour);
            g.setStroke(BACKGROUND);
            g.setLineWidth(1);
            double[] xs = {ex, ex + 5, ex, ex - 5};
            double[] ys = {bandY - 5, bandY, bandY + 5, bandY};
            g.fillPolygon(xs, ys, 4);
            g.strokePolygon(xs, ys, 4);
            double lx = Math.min(ex + 6, Math.max(LEFT, right - e.label().length() * 6.5));
            double[] span = {lx, lx + e.label().length() * 6.5};
            if (taken.stream().noneMatch(t -> span[0] < t[1] + 6 && t[0] < span[1] + 6)) {
                g.fillText(e.label(), lx, bandY + bandH + 6);
                taken.add(span);
            }
        }
    }

    /**
     * One lag chart per replica, drawn while it followed; its scale is its own peak in the window. At
     * most one point per pixel column (the column's highest lag), one path per stretch followed.
     */
    private void paintLags(GraphicsContext g, List<ReplicationSample> samples, List<String> replicas, int[] columns,
                           double origin, double plot, double firstTop) {
        ReplicationSample last = samples.get(samples.size() - 1);
        Map<String, Long> lagsNow = last.followerLags();
        double[] xs = new double[(int) plot + 2];
        double[] ys = new double[xs.length];
        for (int r = 0; r < replicas.size(); r++) {
            String name = replicas.get(r);
            double top = firstTop + r * LAG_ROW_HEIGHT;
            g.setFill(LINE);
            g.fillRect(origin + LEFT, top, plot, 1);
            long peak = 1;
            for (ReplicationSample s : samples) {
                peak = Math.max(peak, lag(s, name));
            }
            Long lagNow = lagsNow.get(name);
            g.setFill(TEXT);
            g.fillText(name, origin + PAD, top + 12);
            g.setFill(MUTED);
            g.fillText(last.leader().map(name::equals).orElse(false) ? "leader" : lagNow == null ? "no answer" : "lag " + lagNow,
                    origin + PAD, top + 28);
            double base = top + LAG_ROW_HEIGHT - 6;
            double scale = (LAG_ROW_HEIGHT - 16) / peak;
            g.setStroke(colour(replicas, name));
            g.setLineWidth(1.5);
            int points = 0;
            int column = Integer.MIN_VALUE;
            long columnLag = -1;
            for (int i = 0; i < columns.length; i++) {
                long lag = lag(samples.get(i), name);
                if (lag < 0) {
                    points = flush(g, xs, ys, points, column, columnLag, base, scale);
                    strokeRun(g, xs, ys, points);
                    points = 0;
                    column = Integer.MIN_VALUE;
                    columnLag = -1;
                    continue;
                }
                int c = columns[i];
                if (c != column) {
                    points = flush(g, xs, ys, points, column, columnLag, base, scale);
                    column = c;
                    columnLag = lag;
                } else {
                    columnLag = Math.max(columnLag, lag);
                }
            }
            points = flush(g, xs, ys, points, column, columnLag, base, scale);
            strokeRun(g, xs, ys, points);
            label(g, "max " + peak, origin + LEFT + plot - 60, top + 10, MUTED);
        }
    }

    /** A text on a patch of the background, so that a line under it does not cross it. */
    private static void label(GraphicsContext g, String text, double x, double y, Color colour) {
        double width = text.length() * 7.0;
        g.setFill(BACKGROUND);
        g.fillRect(x - 2, y - 7, width + 4, 14);
        g.setFill(colour);
        g.fillText(text, x, y);
    }

    /**
     * The leader's requests a second, then its p50 and p99 latency (one scale, the p99's peak), from its
     * {@code /metrics}; or why they cannot be read.
     */
    private void paintTraffic(GraphicsContext g, java.util.function.ToDoubleFunction<Instant> x, double origin, double plot, double top) {
        List<TrafficSample> traffic = vm.traffic();
        g.setFill(LINE);
        g.fillRect(origin + LEFT, top, plot, 1);
        g.fillRect(origin + LEFT, top + LAG_ROW_HEIGHT, plot, 1);
        g.setFill(TEXT);
        g.fillText("Requests/s", origin + PAD, top + 12);
        g.fillText("Latency", origin + PAD, top + LAG_ROW_HEIGHT + 12);
        if (traffic.isEmpty()) {
            g.setFill(MUTED);
            String why = vm.trafficProblem().isEmpty() ? "reading the leader's /metrics…" : vm.trafficProblem();
            g.fillText(why, origin + LEFT + 4, top + 22);
            return;
        }
        TrafficSample last = traffic.get(traffic.size() - 1);
        g.setFill(MUTED);
        g.fillText(String.format(java.util.Locale.ROOT, "%.1f", last.requestsPerSecond()), origin + PAD, top + 28);
        g.fillText(last.p50Millis().isPresent() ? String.format(java.util.Locale.ROOT, "%.0f / %.0f ms",
                last.p50Millis().getAsDouble(), last.p99Millis().orElse(0)) : "no requests", origin + PAD, top + LAG_ROW_HEIGHT + 28);
        double peakRate = 1;
        double peakMs = 1;
        for (TrafficSample t : traffic) {
            peakRate = Math.max(peakRate, t.requestsPerSecond());
            peakMs = Math.max(peakMs, t.p99Millis().orElse(0));
        }
        strokeSeries(g, traffic, x, t -> t.requestsPerSecond(), top + LAG_ROW_HEIGHT - 6, (LAG_ROW_HEIGHT - 16) / peakRate, REQUESTS);
        double base = top + 2 * LAG_ROW_HEIGHT - 6;
        double scale = (LAG_ROW_HEIGHT - 16) / peakMs;
        strokeSeries(g, traffic, x, t -> t.p50Millis().orElse(-1), base, scale, P50);
        strokeSeries(g, traffic, x, t -> t.p99Millis().orElse(-1), base, scale, P99);
        // Labels last, on a patch of background: the newest samples are drawn at the right, under them.
        label(g, String.format(java.util.Locale.ROOT, "max %.0f", peakRate), origin + LEFT + plot - 60, top + 10, MUTED);
        label(g, String.format(java.util.Locale.ROOT, "max %.0f ms", peakMs), origin + LEFT + plot - 80, top + LAG_ROW_HEIGHT + 10, MUTED);
        label(g, "p50", origin + LEFT + plot - 138, top + LAG_ROW_HEIGHT + 10, P50);
        label(g, "p99", origin + LEFT + plot - 108, top + LAG_ROW_HEIGHT + 10, P99);
    }

    /** One line through the samples' values, at most one point per pixel column (its highest), broken where a value is below 0. */
    private static void strokeSeries(GraphicsContext g, List<TrafficSample> traffic, java.util.function.ToDoubleFunction<Instant> x,
                                     java.util.function.ToDoubleFunction<TrafficSample> value, double base, double scale, Color colour) {
        double[] xs = new double[traffic.size()];
        double[] ys = new double[traffic.size()];
        int points = 0;
        g.setStroke(colour);
        g.setLineWidth(1.5);
        for (TrafficSample t : traffic) {
            double v = value.applyAsDouble(t);
            if (v < 0) {
                strokeRun(g, xs, ys, points);
                points = 0;
                continue;
            }
            double px = Math.floor(x.applyAsDouble(t.at()));
            double py = base - v * scale;
            if (points > 0 && xs[points - 1] == px) {
                ys[points - 1] = Math.min(ys[points - 1], py);
            } else {
                xs[points] = px;
                ys[points] = py;
                points++;
            }
        }
        strokeRun(g, xs, ys, points);
    }

    /** A replica's lag in a sample (ssi − lpi), or -1 where it led, did not answer or the ssi is unknown. */
    private static long lag(ReplicationSample s, String name) {
        Long lpi = s.lpis().get(name);
        if (lpi == null || s.serviceState() < 0 || s.leader().isPresent() && s.leader().get().equals(name)) {
            return -1;
        }
        return Math.max(0, s.serviceState() - lpi);
    }

    /** Adds the finished column's point to the run; returns the run's length. */
    private static int flush(GraphicsContext g, double[] xs, double[] ys, int points, int column, long lag, double base, double scale) {
        if (column == Integer.MIN_VALUE || lag < 0) {
            return points;
        }
        if (points == xs.length) { // cannot happen with columns inside the plot; drawn rather than lost
            strokeRun(g, xs, ys, points);
            points = 0;
        }
        xs[points] = column;
        ys[points] = base - lag * scale;
        return points + 1;
    }

    private static void strokeRun(GraphicsContext g, double[] xs, double[] ys, int points) {
        if (points == 1) {
            g.strokeLine(xs[0], ys[0], xs[0] + 1, ys[0]);
        } else if (points > 1) {
            g.strokePolyline(xs, ys, points);
        }
    }

    private static Color colour(List<String> replicas, String name) {
        int i = replicas.indexOf(name);
        return LEADERS[Math.floorMod(i < 0 ? name.hashCode() : i, LEADERS.length)];
    }

    /** What a screen reader reads: the summary, the leader's traffic, each follower's lag now and the failovers drawn. */
    public String describe() {
        StringBuilder text = new StringBuilder("Replication, ").append(vm.summary()).append(". ");
        List<TrafficSample> traffic = vm.traffic();
        if (!traffic.isEmpty()) {
            TrafficSample t = traffic.get(traffic.size() - 1);
            text.append(String.format(java.util.Locale.ROOT, "%.1f requests a second", t.requestsPerSecond()));
            if (t.p50Millis().isPresent()) {
                text.append(String.format(java.util.Locale.ROOT, ", p50 %.0f ms, p99 %.0f ms",
                        t.p50Millis().getAsDouble(), t.p99Millis().orElse(0)));
            }
            text.append(". ");
        } else if (!vm.trafficProblem().isEmpty()) {
            text.append(vm.trafficProblem()).append(' ');
        }
        vm.samples().stream().reduce((a, b) -> b).ifPresent(last -> {
            for (Map.Entry<String, Long> lag : last.followerLags().entrySet()) {
                text.append(lag.getKey()).append(" lags ").append(lag.getValue()).append(" entries. ");
            }
        });
        if (!markerLabels.isEmpty()) {
            text.append("On the timeline: ").append(String.join("; ", markerLabels)).append('.');
        }
        return text.toString().trim();
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        if (attribute == AccessibleAttribute.TEXT) {
            return describe();
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }
}
