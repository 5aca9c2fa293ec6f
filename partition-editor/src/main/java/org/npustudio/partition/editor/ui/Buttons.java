package org.npustudio.partition.editor.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** Buttons of the editor's bars: text, id (for tests and CSS), optional tooltip, action. */
final class Buttons {
    private Buttons() {}

    static Button of(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        if (tip != null) b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A toolbar button: does not take the keyboard focus from the graph. */
    static Button tool(String text, String id, String tip, Runnable action) {
        Button b = of(text, id, tip, action);
        b.setFocusTraversable(false);
        return b;
    }
}
