package org.npustudio.graphview.ui;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Non-blocking news ("Wrote the report", "Exported 3 partitions") as a ControlsFX notification in the owner
 * window's lower right corner that fades after a few seconds, instead of a dialog one must dismiss. Only for
 * news: a failure, or a warning that must be read, stays a dialog.
 */
public final class Notices {
    /** The style class of every notice's pop-up (tests look it up). */
    public static final String STYLE_CLASS = "npustudio-notice";
    static final Duration SHOWN_FOR = Duration.seconds(6);

    private Notices() {}

    /** Shows {@code title} and {@code text} (one line or a few) over {@code owner}; does nothing without an owner. */
    public static void info(Window owner, String title, String text) {
        if (owner == null || !owner.isShowing()) return;
        Notifications n = Notifications.create()
                .owner(owner)
                .title(title)
                .text(text)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .styleClass(STYLE_CLASS);
        n.showInformation();
    }
}
