package org.npustudio.app.ui.help;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A small tool window owned by the main window, closed by Esc, styled like it. */
final class HelpWindows {
    private HelpWindows() {}

    static Stage create(Window owner, String title, Parent content, double width, double height) {
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle(title);
        // Never larger than the screen (the cheat sheet is tall).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(content, Math.min(width, screen.getWidth() - 40), Math.min(height, screen.getHeight() - 40));
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                s.hide();
                e.consume();
            }
        });
        s.setScene(scene);
        return s;
    }

    /** Shows {@code s}, or brings it to the front if it already is. */
    static void showFront(Stage s) {
        if (s.isShowing()) s.toFront();
        else s.show();
        s.requestFocus();
    }
}
