package org.npustudio.app.ui;

import javafx.stage.Window;
import org.npustudio.app.ui.diff.PassDiffView;

/** Finds the pass diff view the presenter's keys should step: the focused diff window's, else the last one opened. */
final class PassDiffWindows {
    private PassDiffWindows() {}

    static PassDiffView front() {
        PassDiffView last = null;
        for (Window w : Window.getWindows()) {
            if (!w.isShowing() || w.getScene() == null || !(w.getScene().getRoot() instanceof PassDiffView v)) continue;
            if (w.isFocused()) return v;
            last = v;
        }
        return last;
    }
}
