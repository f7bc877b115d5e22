package dev.br2k.watch.dashboard;

import javafx.beans.value.ChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.TableCell;
import javafx.scene.paint.Color;

/**
 * The dashboard's sparkline: a service's highest follower lag over the last 5 minutes, drawn on a small
 * canvas (no chart nodes per row), red ticks where no replica led. Redrawn when the service's trend
 * takes a sample.
 */
final class TrendCell extends TableCell<ServiceItem, ServiceItem> {

    static final double WIDTH = 120;
    static final double HEIGHT = 18;
    private static final Color LAG = Color.web("#58a6ff");
    private static final Color NO_LEADER = Color.web("#f85149");
    private static final Color BASE = Color.web("#30363d");

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final ChangeListener<Number> sampled = (o, was, now) -> draw();
    private ServiceItem shown;

    TrendCell() {
        setGraphic(canvas);
        setText(null);
    }

    @Override
    protected void updateItem(ServiceItem item, boolean empty) {
        super.updateItem(item, empty);
        ServiceItem next = empty ? null : item;
        if (next != shown) {
            if (shown != null) {
                shown.trendRevisionProperty().removeListener(sampled);
            }
            shown = next;
            if (shown != null) {
                shown.trendRevisionProperty().addListener(sampled);
            }
        }
        canvas.setVisible(shown != null);
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        if (shown == null) {
            setAccessibleText(null);
            return;
        }
        ServiceTrend trend = shown.trend();
        setAccessibleText(trend.describe());
        int n = trend.size();
        if (n == 0) {
            return;
        }
        double step = WIDTH / ServiceTrend.CAPACITY;
        double x0 = WIDTH - n * step;
        g.setFill(BASE);
        g.fillRect(x0, HEIGHT - 1, WIDTH - x0, 1);
        double scale = (HEIGHT - 3) / trend.peakLag();
        g.setFill(NO_LEADER);
        for (int i = 0; i < n; i++) {
            if (!trend.led(i)) {
                g.fillRect(x0 + i * step, 0, Math.max(1, step), HEIGHT);
            }
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x0 + i * step;
            ys[i] = HEIGHT - 1.5 - trend.lag(i) * scale;
        }
        g.setStroke(LAG);
        g.setLineWidth(1.2);
        if (n == 1) {
            g.strokeLine(xs[0], ys[0], xs[0] + 1, ys[0]);
        } else {
            g.strokePolyline(xs, ys, n);
        }
    }
}
