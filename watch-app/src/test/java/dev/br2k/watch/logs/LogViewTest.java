package dev.br2k.watch.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.watch.testing.Fx;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Orientation;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** The log view in a real (headless) window: what it draws as rows arrive, scroll and follow, selection and copy. */
class LogViewTest {

    private static final int CAPACITY = 200;

    private final FxRobot robot = new FxRobot();
    private LogRows rows;
    private BooleanProperty follow;
    private LogView view;
    private Label placeholder;
    private int written;

    @BeforeEach
    void showTheView() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            rows = new LogRows(CAPACITY);
            follow = new SimpleBooleanProperty(true);
            view = new LogView(rows, e -> e.render(false, false), follow);
            placeholder = new Label("connecting…");
            view.setPlaceholder(placeholder);
            stage.setScene(new Scene(view, 640, 20 * LogView.ROW_HEIGHT));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void an_empty_view_shows_its_placeholder_and_the_first_rows_hide_it() {
        assertThat(Fx.get(() -> placeholder.isVisible())).isTrue();

        append(3);

        assertThat(Fx.get(() -> placeholder.isVisible())).isFalse();
        assertThat(texts()).containsExactly("line 0", "line 1", "line 2");
    }

    @Test
    void following_keeps_the_newest_row_in_view_as_rows_arrive_and_the_oldest_drop_out() {
        append(150);
        append(150); // the ring holds 200: rows 100..299

        List<String> shown = texts();
        assertThat(shown).hasSize(Fx.get(() -> view.visibleRowCount()));
        assertThat(shown.get(shown.size() - 1)).isEqualTo("line 299");
        assertThat(Fx.get(() -> view.firstShownIndex())).isEqualTo(CAPACITY - shown.size());
    }

    @Test
    void scrolling_up_turns_follow_off_and_keeps_the_same_rows_in_sight_while_new_rows_arrive() {
        append(CAPACITY);
        wheelUp(3); // (headless Monocle's robot has no wheel: the event the platform would deliver)
        assertThat(Fx.get(() -> follow.get())).as("follow after scrolling up").isFalse();
        List<String> before = texts();
        assertThat(before.get(before.size() - 1)).isNotEqualTo("line " + (CAPACITY - 1));

        append(30); // 30 new rows, the 30 oldest dropped

        assertThat(texts()).isEqualTo(before);
    }

    @Test
    void scrolling_back_to_the_end_turns_follow_on_again() {
        append(CAPACITY);
        robot.clickOn(view);
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.get(() -> follow.get())).isFalse();

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        append(10);

        assertThat(Fx.get(() -> follow.get())).isTrue();
        List<String> shown = texts();
        assertThat(shown.get(shown.size() - 1)).isEqualTo("line " + (CAPACITY + 9));
    }

    @Test
    void a_click_selects_the_row_under_the_pointer_and_the_shortcut_copies_its_text() {
        append(5);

        robot.clickOn(view.localToScreen(40, 2.5 * LogView.ROW_HEIGHT), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.get(() -> view.selectedRow().text())).isEqualTo("line 2");

        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.get(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("line 2");
    }

    @Test
    void a_row_wider_than_the_view_brings_a_horizontal_scroll_bar() {
        append(3);
        assertThat(Fx.get(() -> horizontalBarShown())).isFalse();

        Fx.run(() -> rows.append(List.of(LogEntry.line("kv-0", Optional.empty(), "x".repeat(400)))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Fx.get(() -> horizontalBarShown())).isTrue();
    }

    private void wheelUp(int notches) {
        double delta = notches * 40; // a notch is 40 px on most platforms; positive: towards the top
        Fx.run(() -> Event.fireEvent(view, new ScrollEvent(ScrollEvent.SCROLL, 100, 100, 100, 100, false, false, false, false,
                false, false, 0, delta, 0, delta, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.LINES, notches, 0, null)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean horizontalBarShown() {
        return view.getChildrenUnmodifiable().stream()
                .anyMatch(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible());
    }

    private void append(int n) {
        List<LogEntry> batch = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> batch.add(LogEntry.line("kv-0", Optional.empty(), "line " + written++)));
        Fx.run(() -> rows.append(batch));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> texts() {
        return Fx.get(() -> view.shownRows().stream().map(LogEntry::text).toList());
    }
}
