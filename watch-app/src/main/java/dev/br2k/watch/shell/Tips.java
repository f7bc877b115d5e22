package dev.br2k.watch.shell;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made the first time the pointer enters their control, not when the control is made: a
 * tooltip is a popup window of its own, and a page with a dozen buttons would otherwise build a dozen
 * of them while it opens. The text is the control's accessible help from the start.
 */
public final class Tips {

    private Tips() {
    }

    /** Gives {@code control} the tooltip {@code text}, made when the pointer first enters it. */
    public static void on(Control control, String text) {
        control.setAccessibleHelp(text);
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(new Tooltip(text));
                }
            }
        });
    }
}
