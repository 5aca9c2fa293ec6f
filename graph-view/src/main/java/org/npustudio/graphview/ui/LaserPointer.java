package org.npustudio.graphview.ui;

import javafx.scene.effect.DropShadow;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * A presenter's laser dot: a glowing red disc that follows the mouse over the canvas while it is on, so a
 * room watching a projector sees where the speaker points (a system cursor is too small there). A
 * mouse-transparent layer of the canvas' size; the dot hides when the mouse leaves the canvas.
 */
final class LaserPointer extends Pane {
    private final Circle dot = new Circle(9, Color.rgb(255, 32, 32, 0.9));
    private boolean on;

    LaserPointer(javafx.scene.Node canvas) {
        setId("graph-laser-pointer");
        setMouseTransparent(true);
        setPickOnBounds(false);
        dot.setId("graph-laser-dot");
        dot.setStroke(Color.rgb(255, 255, 255, 0.85));
        dot.setStrokeWidth(1.5);
        dot.setEffect(new DropShadow(18, Color.rgb(255, 40, 40, 0.9)));
        dot.setManaged(false);
        dot.setVisible(false);
        getChildren().add(dot);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::follow);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::follow);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> dot.setVisible(false));
    }

    /** Turns the dot on or off; off also hides it at once. */
    void setOn(boolean on) {
        this.on = on;
        if (!on) dot.setVisible(false);
    }

    /** Radius in pixels (the presenter's scale makes it larger). */
    void setRadius(double r) { dot.setRadius(r); }

    /** The dot (visible only while on and over the canvas). */
    Circle dot() { return dot; }

    private void follow(MouseEvent e) {
        if (!on) return;
        dot.setCenterX(e.getX());
        dot.setCenterY(e.getY());
        dot.setVisible(true);
    }
}
