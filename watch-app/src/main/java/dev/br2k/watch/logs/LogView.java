package dev.br2k.watch.logs;

import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A virtualized view of log rows that draws the rows in sight on a {@link Canvas}: one text per row
 * with no cell, no CSS and no layout per row, so a pulse that brings 2,500 new rows costs a few dozen
 * text draws, and the first rows a JVM ever shows cost little more than the next ones. Rows are a
 * fixed height in a monospace font; long rows scroll sideways.
 *
 * <p>Follow keeps the newest row in view; scrolling up (wheel, keys, scroll bar) turns follow off and
 * keeps the rows in sight where they are while new rows arrive and the oldest drop out; scrolling back
 * to the end turns it on again. A click selects a row; Ctrl+C (or the platform's shortcut) copies it.
 * Page Up/Down, Home and End scroll.
 */
public final class LogView extends Region {

    static final Color BACKGROUND = Color.web("#0d1117");
    static final Color TEXT = Color.web("#c9d1d9");
    static final Color NOTICE = Color.web("#8b949e");
    static final Color SELECTED = Color.web("#1f3a5f");
    static final Color WARN = Color.web("#e3b341");
    static final Color ERROR = Color.web("#ff7b72");
    static final Color TIME = Color.web("#8b949e");
    static final Color MATCH = Color.web("#6e5a00");
    static final Color FOCUS = Color.web("#2f81f7");
    /** One colour per replica in the all-replicas view (kv-0 the first, kv-1 the second, …). */
    static final List<Color> REPLICAS = List.of(Color.web("#79c0ff"), Color.web("#d2a8ff"), Color.web("#56d364"),
            Color.web("#ffa657"), Color.web("#ff9bce"), Color.web("#a5d6ff"));
    private static final double PADDING = 8;
    private static final Font FONT = monospace(FontPosture.REGULAR);
    private static final Font NOTICE_FONT = monospace(FontPosture.ITALIC);
    private static final double CHAR_WIDTH = width("0123456789") / 10;
    private static final double TEXT_HEIGHT = height("Mg");
    /** The height of a row: the font's line and 1.5 px above and below. */
    public static final double ROW_HEIGHT = Math.ceil(TEXT_HEIGHT + 3);

    private final ObservableList<LogEntry> rows;
    private final Function<LogEntry, String> text;
    private final BooleanProperty follow;
    private final Canvas canvas = new Canvas();
    private final ScrollBar vertical = new ScrollBar();
    private final ScrollBar horizontal = new ScrollBar();
    private final List<LogEntry> shown = new ArrayList<>();
    private Node placeholder;
    private int top; // index of the first row in sight
    private double left; // pixels scrolled sideways
    private int widestChars; // the widest row drawn so far, in characters
    private LogEntry selected;
    private BooleanSupplier withTime = () -> false;
    private BooleanSupplier withReplica = () -> false;
    private Supplier<String> highlight = () -> "";
    private boolean adjusting; // the scroll bars are being set by this view, not by the user
    private boolean dirty = true; // the canvas must be drawn again at the next layout

    /**
     * @param rows   the rows, oldest first; UI thread only
     * @param text   what a row shows (read again at every repaint, so a toggle needs only {@link #repaint()})
     * @param follow whether the newest row is kept in view; this view turns it off and on as the user scrolls
     */
    public LogView(ObservableList<LogEntry> rows, Function<LogEntry, String> text, BooleanProperty follow) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.text = Objects.requireNonNull(text, "text");
        this.follow = Objects.requireNonNull(follow, "follow");
        getStyleClass().add("log-view");
        setFocusTraversable(true);
        vertical.setOrientation(Orientation.VERTICAL);
        horizontal.setOrientation(Orientation.HORIZONTAL);
        vertical.setUnitIncrement(1);
        horizontal.setUnitIncrement(CHAR_WIDTH * 4);
        getChildren().addAll(canvas, vertical, horizontal);
        setMinSize(0, 0);

        rows.addListener((ListChangeListener<LogEntry>) this::rowsChanged);
        follow.addListener((o, was, now) -> {
            if (now) {
                scrollTo(Integer.MAX_VALUE);
            }
        });
        vertical.valueProperty().addListener((o, was, now) -> {
            if (!adjusting) {
                scrolledByUser((int) Math.round(now.doubleValue()));
            }
        });
        horizontal.valueProperty().addListener((o, was, now) -> {
            if (!adjusting) {
                left = now.doubleValue();
                repaint();
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::wheel);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::press);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        focusedProperty().addListener((o, was, now) -> repaint());
        setAccessibleRoleDescription("log");
        widthProperty().addListener((o, was, now) -> requestLayout());
        heightProperty().addListener((o, was, now) -> requestLayout());
    }

    /** What the view shows while it has no rows (a status line, for instance). */
    public void setPlaceholder(Node node) {
        if (placeholder != null) {
            getChildren().remove(placeholder);
        }
        placeholder = node;
        if (node != null) {
            node.setVisible(rows.isEmpty());
            getChildren().add(node);
        }
        requestLayout();
    }

    /**
     * How the rows are coloured: {@code time} and {@code replica} say whether {@link #text} starts with a
     * time and a {@code [replica]} prefix (drawn muted and in the replica's colour); {@code highlight}
     * gives the lower-case text to mark in every row (empty: none).
     */
    public void decorate(BooleanSupplier time, BooleanSupplier replica, Supplier<String> highlight) {
        this.withTime = Objects.requireNonNull(time, "time");
        this.withReplica = Objects.requireNonNull(replica, "replica");
        this.highlight = Objects.requireNonNull(highlight, "highlight");
        repaint();
    }

    /** Selects the row at {@code index} and scrolls it into the middle of the view if it is not in sight (follow off). */
    public void select(int index) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        selected = rows.get(index);
        if (index < top || index >= top + visibleRowCount()) {
            follow.set(false);
            top = Math.max(0, index - visibleRowCount() / 2);
        }
        repaint();
        notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }

    /** The index of the selected row in the rows, or -1. */
    public int selectedIndex() {
        return selected == null ? -1 : rows.indexOf(selected);
    }

    /** What a screen reader reads: the selected row and the rows either side of it, else the rows in sight. */
    public String describe() {
        if (rows.isEmpty()) {
            return "Log, no lines";
        }
        int at = selectedIndex();
        int from = at < 0 ? top : Math.max(0, at - 2);
        int to = at < 0 ? Math.min(rows.size(), top + 3) : Math.min(rows.size(), at + 3);
        StringBuilder b = new StringBuilder("Log, ").append(rows.size()).append(" lines. ");
        for (int i = from; i < to; i++) {
            LogEntry e = rows.get(i);
            b.append(i == at ? "Selected line " : "Line ").append(i + 1).append(": ")
                    .append(e.level() == LogLevel.NONE ? "" : e.level() + ", ").append(text.apply(e)).append(". ");
        }
        return b.toString().trim();
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        if (attribute == AccessibleAttribute.TEXT) {
            return describe();
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }

    /** Draws the rows again, as a change of what a row shows (timestamps, replica names) needs. */
    public void repaint() {
        requestLayout();
        dirty = true;
    }

    /** The rows drawn by the last repaint, top to bottom: what the operator sees. */
    public List<LogEntry> shownRows() {
        return List.copyOf(shown);
    }

    /** The selected row, if any. */
    public LogEntry selectedRow() {
        return selected;
    }

    /** The index of the first row in sight. */
    public int firstShownIndex() {
        return top;
    }

    /** How many rows fit in the view. */
    public int visibleRowCount() {
        return Math.max(1, (int) Math.floor(canvas.getHeight() / ROW_HEIGHT));
    }

    private void rowsChanged(ListChangeListener.Change<? extends LogEntry> c) {
        int before = top;
        while (c.next()) {
            int from = c.getFrom();
            if (c.wasRemoved() && from < before) {
                before -= Math.min(c.getRemovedSize(), before - from);
            }
            if (c.wasAdded() && from < before) {
                before += c.getAddedSize();
            }
        }
        top = follow.get() ? Integer.MAX_VALUE : before; // clamped by the layout
        if (placeholder != null) {
            placeholder.setVisible(rows.isEmpty());
        }
        repaint();
    }

    private void scrollTo(int first) {
        top = first;
        repaint();
    }

    private void scrolledByUser(int first) {
        int last = maxTop();
        top = Math.max(0, Math.min(first, last));
        follow.set(top >= last);
        repaint();
    }

    private int maxTop() {
        return Math.max(0, rows.size() - visibleRowCount());
    }

    private void wheel(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            scrolledByUser(top - (int) Math.round(e.getDeltaY() / ROW_HEIGHT));
        }
        if (e.getDeltaX() != 0 && horizontal.isVisible()) {
            horizontal.setValue(clamp(horizontal.getValue() - e.getDeltaX(), 0, horizontal.getMax()));
        }
        e.consume();
    }

    private void press(MouseEvent e) {
        requestFocus();
        if (!e.isPrimaryButtonDown() || e.getX() >= canvas.getWidth() || e.getY() >= canvas.getHeight()) {
            return;
        }
        int index = top + (int) (e.getY() / ROW_HEIGHT);
        selected = index < rows.size() ? rows.get(index) : null;
        repaint();
        notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }

    private void key(KeyEvent e) {
        int page = visibleRowCount();
        switch (e.getCode()) {
            case PAGE_UP -> scrolledByUser(top - page);
            case PAGE_DOWN -> scrolledByUser(top + page);
            case UP -> scrolledByUser(top - 1);
            case DOWN -> scrolledByUser(top + 1);
            case HOME -> scrolledByUser(0);
            case END -> scrolledByUser(Integer.MAX_VALUE);
            case C -> {
                if (!e.isShortcutDown() || selected == null) {
                    return;
                }
                ClipboardContent content = new ClipboardContent();
                content.putString(text.apply(selected));
                Clipboard.getSystemClipboard().setContent(content);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double barW = vertical.prefWidth(-1);
        double barH = horizontal.prefHeight(-1);
        boolean wide = PADDING * 2 + widestChars * CHAR_WIDTH > w - barW;
        double canvasW = Math.max(0, w - barW);
        double canvasH = Math.max(0, h - (wide ? barH : 0));
        if (canvas.getWidth() != canvasW || canvas.getHeight() != canvasH) {
            canvas.setWidth(canvasW);
            canvas.setHeight(canvasH);
            dirty = true;
        }
        canvas.relocate(0, 0);
        vertical.resizeRelocate(canvasW, 0, barW, canvasH);
        horizontal.setVisible(wide);
        horizontal.resizeRelocate(0, canvasH, canvasW, barH);
        if (placeholder != null) {
            placeholder.autosize();
            placeholder.relocate((canvasW - placeholder.getLayoutBounds().getWidth()) / 2, PADDING);
        }
        int last = maxTop();
        top = Math.max(0, Math.min(top, last));
        double contentW = PADDING * 2 + widestChars * CHAR_WIDTH;
        left = wide ? clamp(left, 0, contentW - canvasW) : 0;
        adjusting = true;
        try {
            vertical.setMax(last);
            vertical.setVisibleAmount(last == 0 ? 1 : Math.max(1, (double) visibleRowCount() * last / Math.max(1, rows.size())));
            vertical.setBlockIncrement(visibleRowCount());
            vertical.setValue(top);
            horizontal.setMax(Math.max(0, contentW - canvasW));
            horizontal.setVisibleAmount(canvasW);
            horizontal.setBlockIncrement(canvasW / 2);
            horizontal.setValue(left);
        } finally {
            adjusting = false;
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
        g.fillRect(0, 0, w, h); // covers the canvas: earlier drawing commands are dropped
        g.setTextBaseline(VPos.TOP);
        shown.clear();
        int firstChar = (int) (left / CHAR_WIDTH);
        int columns = (int) Math.ceil(w / CHAR_WIDTH) + 1;
        double x = PADDING - (left - firstChar * CHAR_WIDTH);
        double textY = (ROW_HEIGHT - TEXT_HEIGHT) / 2;
        int end = Math.min(rows.size(), top + visibleRowCount() + 1);
        int widest = widestChars;
        String find = highlight.get();
        for (int i = top; i < end; i++) {
            LogEntry row = rows.get(i);
            shown.add(row);
            double y = (i - top) * ROW_HEIGHT;
            if (row == selected) {
                g.setFill(SELECTED);
                g.fillRect(0, y, w, ROW_HEIGHT);
            }
            String line = text.apply(row);
            widest = Math.max(widest, line.length());
            if (firstChar < line.length()) {
                drawRow(g, row, line, firstChar, Math.min(line.length(), firstChar + columns), x, y + textY, find);
            }
        }
        if (isFocused()) { // the focus, visible: the theme's accent around the rows
            g.setStroke(FOCUS);
            g.setLineWidth(2);
            g.strokeRect(1, 1, w - 2, h - 2);
        }
        if (widest != widestChars) {
            widestChars = widest;
            requestLayout(); // the horizontal scroll bar may have to appear
        }
    }

    /**
     * Draws the characters [{@code from}, {@code to}) of a row at {@code x}: the time muted, the
     * {@code [replica]} prefix in the replica's colour, the rest by level (WARN yellow, ERROR red,
     * notices italic), with each occurrence of {@code find} marked behind the text.
     */
    private void drawRow(GraphicsContext g, LogEntry row, String line, int from, int to, double x, double y, String find) {
        int timeEnd = withTime.getAsBoolean() && row.timestamp().isPresent() ? Math.min(14, line.length()) : 0;
        int replicaEnd = withReplica.getAsBoolean() ? Math.min(line.length(), timeEnd + row.replica().length() + 3) : timeEnd;
        if (!find.isEmpty()) {
            String lower = line.toLowerCase();
            g.setFill(MATCH);
            for (int at = lower.indexOf(find, replicaEnd); at >= 0 && at < to; at = lower.indexOf(find, at + find.length())) {
                int a = Math.max(at, from);
                int b = Math.min(at + find.length(), to);
                if (b > a) {
                    g.fillRect(x + (a - from) * CHAR_WIDTH, y - 1, (b - a) * CHAR_WIDTH, TEXT_HEIGHT + 2);
                }
            }
        }
        g.setFont(row.notice() ? NOTICE_FONT : FONT);
        segment(g, line, from, to, 0, timeEnd, x, y, TIME);
        segment(g, line, from, to, timeEnd, replicaEnd, x, y, replicaColor(row.replica()));
        Color body = row.notice() ? NOTICE : row.level() == LogLevel.ERROR ? ERROR : row.level() == LogLevel.WARN ? WARN : TEXT;
        segment(g, line, from, to, replicaEnd, line.length(), x, y, body);
    }

    private static void segment(GraphicsContext g, String line, int from, int to, int start, int end, double x, double y, Color color) {
        int a = Math.max(from, start);
        int b = Math.min(to, end);
        if (b > a) {
            g.setFill(color);
            g.fillText(line.substring(a, b), x + (a - from) * CHAR_WIDTH, y);
        }
    }

    /** The replica's colour: by the number its name ends with (kv-2 → the third), else by its hash. */
    static Color replicaColor(String replica) {
        int i = replica.length();
        while (i > 0 && Character.isDigit(replica.charAt(i - 1))) {
            i--;
        }
        int n = i < replica.length() && replica.length() - i < 6 ? Integer.parseInt(replica.substring(i)) : replica.hashCode();
        return REPLICAS.get(Math.floorMod(n, REPLICAS.size()));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, Math.max(min, max)));
    }

    private static Font monospace(FontPosture posture) {
        Font f = Font.font("DejaVu Sans Mono", FontWeight.NORMAL, posture, 12);
        return f.getFamily().equals("DejaVu Sans Mono") ? f : Font.font("Monospaced", FontWeight.NORMAL, posture, 12);
    }

    private static double width(String s) {
        return measured(s).getWidth();
    }

    private static double height(String s) {
        return measured(s).getHeight();
    }

    private static javafx.geometry.Bounds measured(String s) {
        Text t = new Text(s);
        t.setFont(FONT);
        return t.getLayoutBounds();
    }
}
