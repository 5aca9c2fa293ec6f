package org.npustudio.graphview.ui;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

/** Buttons of the IDE's bars: text, id (for tests and CSS), optional tooltip, action. */
public final class Buttons {
    private Buttons() {}

    public static Button of(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        if (tip != null) b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A toolbar button: does not take the keyboard focus from the graph. */
    public static Button tool(String text, String id, String tip, Runnable action) {
        Button b = of(text, id, tip, action);
        b.setFocusTraversable(false);
        return b;
    }

    /** A toolbar toggle bound both ways to {@code state}; does not take the keyboard focus from the graph. */
    public static ToggleButton toggle(String text, String id, String tip, BooleanProperty state) {
        ToggleButton t = new ToggleButton(text);
        t.setId(id);
        if (tip != null) t.setTooltip(new Tooltip(tip));
        t.setFocusTraversable(false);
        t.selectedProperty().bindBidirectional(state);
        return t;
    }
}
