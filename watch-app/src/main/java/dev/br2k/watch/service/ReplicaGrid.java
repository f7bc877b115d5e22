package dev.br2k.watch.service;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The replicas of a service drawn on a {@link Canvas}: a header and one row per replica, no cell,
 * no CSS and no layout per row. A {@code TableView} made its rows and cells, skins and CSS in the
 * pulse that showed it, which froze the first opening of a service page for 150–180 ms.
 *
 * <p>A click or Up/Down (when focused) selects a replica; the focused grid draws a focus ring. Screen
 * readers read the selected replica and its neighbours (the accessible text).
 */
public final class ReplicaGrid extends Region {

    static final Color BACKGROUND = Color.web("#0d1117");
    static final Color HEADER = Color.web("#8b949e");
    static final Color TEXT = Color.web("#c9d1d9");
    static final Color RUNNING = Color.web("#3fb950");
    static final Color FAILED = Color.web("#f85149");
    static final Color OTHER = Color.web("#d29922");
    static final Color UNHEALTHY = Color.web("#3c1618");
    static final Color SELECTED = Color.web("#1f3a5f");
    static final Color FOCUS = Color.web("#2f81f7");
    static final Color LINE = Color.web("#30363d");
    private static final Font FONT = Font.font("System", 13);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 13);
    /** The height of the header and of a row. */
    public static final double ROW_HEIGHT = 26;
    private static final double PAD = 8;

    private record Column(String title, double width, Function<ReplicaRow, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("Replica", 80, ReplicaRow::name),
            new Column("Node", 90, ReplicaRow::node),
            new Column("Phase", 85, ReplicaRow::phase),
            new Column("Role", 100, r -> "Leader".equals(r.role()) ? "♛ Leader" : r.role()),
            new Column("lpi / ssi", 100, ReplicaRow::progress),
            new Column("State version", 110, r -> String.valueOf(r.stateVersion())),
            new Column("Restarts", 75, r -> String.valueOf(r.restarts())),
            new Column("Detail", 0, ReplicaRow::detail));

    private final ObservableList<ReplicaRow> rows;
    private final Canvas canvas = new Canvas();
    private final ReadOnlyObjectWrapper<String> selected = new ReadOnlyObjectWrapper<>();
    private String placeholder = "";
    private boolean dirty = true;

    public ReplicaGrid(ObservableList<ReplicaRow> rows) {
        this.rows = Objects.requireNonNull(rows, "rows");
        getStyleClass().add("replica-grid");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(0, ROW_HEIGHT * 2);
        setPrefHeight(ROW_HEIGHT * 4 + 2);
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        setAccessibleRoleDescription("replica table");
        rows.addListener((ListChangeListener<ReplicaRow>) c -> repaint());
        selected.addListener((o, was, now) -> repaint());
        focusedProperty().addListener((o, was, now) -> repaint());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        repaint();
    }

    /** The name of the selected replica (empty when none is). */
    public ReadOnlyObjectProperty<String> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Selects the replica of that name, or nothing when it is not in the grid. */
    public void select(String name) {
        selected.set(name != null && rows.stream().anyMatch(r -> r.name().equals(name)) ? name : null);
    }

    public void clearSelection() {
        selected.set(null);
    }

    /** The text shown while there are no rows. */
    public void setPlaceholder(String text) {
        placeholder = Objects.requireNonNull(text, "text");
        repaint();
    }

    /** Where the row of that replica is drawn, in this grid's coordinates. */
    public Optional<Bounds> rowBounds(String name) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(name)) {
                return Optional.of(new BoundingBox(0, ROW_HEIGHT * (i + 1), getWidth(), ROW_HEIGHT));
            }
        }
        return Optional.empty();
    }

    /** What a screen reader reads: the selected replica and its neighbours, or all rows when none is selected. */
    public String describe() {
        if (rows.isEmpty()) {
            return "Replicas: " + placeholder;
        }
        int at = indexOf(selected.get());
        int from = at < 0 ? 0 : Math.max(0, at - 1);
        int to = at < 0 ? rows.size() : Math.min(rows.size(), at + 2);
        StringBuilder text = new StringBuilder("Replicas, ").append(rows.size()).append(" rows. ");
        for (int i = from; i < to; i++) {
            ReplicaRow r = rows.get(i);
            text.append(i == at ? "Selected: " : "").append(r.name()).append(", ").append(r.phase()).append(", ")
                    .append(r.role()).append(", lpi / ssi ").append(r.progress()).append(", restarts ").append(r.restarts())
                    .append(r.healthy() ? "" : ", unhealthy").append(r.detail().isBlank() ? "" : ", " + r.detail()).append(". ");
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

    private int indexOf(String name) {
        for (int i = 0; name != null && i < rows.size(); i++) {
            if (rows.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void repaint() {
        dirty = true;
        requestLayout();
        notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }

    private void press(MouseEvent e) {
        requestFocus();
        int index = (int) (e.getY() / ROW_HEIGHT) - 1;
        if (index >= 0 && index < rows.size()) {
            selected.set(rows.get(index).name());
        }
    }

    private void key(KeyEvent e) {
        if (rows.isEmpty()) {
            return;
        }
        int at = indexOf(selected.get());
        int next = switch (e.getCode()) {
            case UP -> Math.max(0, at - 1);
            case DOWN -> Math.min(rows.size() - 1, at + 1);
            case HOME -> 0;
            case END -> rows.size() - 1;
            default -> -1;
        };
        if (next >= 0) {
            selected.set(rows.get(next).name());
            e.consume();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return ROW_HEIGHT * (Math.max(3, rows.size()) + 1) + 2;
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
            paint();
        }
    }

    private void paint() {
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.CENTER);
        double x = 0;
        g.setFont(BOLD);
        g.setFill(HEADER);
        for (Column c : COLUMNS) {
            clipped(g, c.title(), x, 0, c.width() > 0 ? c.width() : w - x);
            x += c.width();
        }
        g.setFill(LINE);
        g.fillRect(0, ROW_HEIGHT - 1, w, 1);
        if (rows.isEmpty()) {
            g.setFont(FONT);
            g.setFill(HEADER);
            g.fillText(placeholder, PAD, ROW_HEIGHT * 1.5);
        }
        for (int i = 0; i < rows.size(); i++) {
            ReplicaRow r = rows.get(i);
            double y = ROW_HEIGHT * (i + 1);
            if (r.name().equals(selected.get())) {
                g.setFill(SELECTED);
                g.fillRect(0, y, w, ROW_HEIGHT);
            } else if (!r.healthy()) {
                g.setFill(UNHEALTHY);
                g.fillRect(0, y, w, ROW_HEIGHT);
            }
            x = 0;
            for (Column c : COLUMNS) {
                boolean phase = c.title().equals("Phase");
                boolean failed = phase && (r.phase().equals("failed") || r.phase().equals("missing"));
                g.setFont(failed ? BOLD : FONT);
                g.setFill(!phase ? TEXT : r.phase().equals("running") ? RUNNING : failed ? FAILED : OTHER);
                clipped(g, c.value().apply(r), x, y, c.width() > 0 ? c.width() : w - x);
                x += c.width();
            }
        }
        if (isFocused()) {
            g.setStroke(FOCUS);
            g.setLineWidth(2);
            g.strokeRect(1, 1, w - 2, h - 2);
        }
    }

    /** Draws a cell's text, cut at the column's right edge (a long detail is cut, not squeezed). */
    private static void clipped(GraphicsContext g, String text, double x, double y, double width) {
        if (width <= PAD) {
            return;
        }
        g.save();
        g.beginPath();
        g.rect(x, y, width - PAD / 2, ROW_HEIGHT);
        g.clip();
        g.fillText(text, x + PAD, y + ROW_HEIGHT / 2);
        g.restore();
    }
}
