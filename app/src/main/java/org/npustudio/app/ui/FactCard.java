package org.npustudio.app.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A small caption / value / note tile in the model overview. */
final class FactCard extends VBox {
    FactCard(String id, String caption, String value, String note) {
        setId(id);
        getStyleClass().add("fact-card");
        Label c = new Label(caption);
        c.getStyleClass().add("fact-caption");
        Label v = new Label(value);
        v.getStyleClass().add("fact-value");
        v.setId(id + "-value");
        getChildren().addAll(c, v);
        if (note != null && !note.isEmpty()) {
            Label n = new Label(note);
            n.getStyleClass().add("fact-note");
            n.setWrapText(true);
            n.setMaxWidth(220);
            getChildren().add(n);
        }
    }
}
