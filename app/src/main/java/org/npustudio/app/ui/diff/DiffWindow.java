package org.npustudio.app.ui.diff;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A window holding one {@link PassDiffView}; several can be open beside the main window. Ctrl+W or Esc closes it. */
public final class DiffWindow {
    private DiffWindow() {}

    public static PassDiffView open(Window owner, DiffSession session) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        PassDiffView view = new PassDiffView(session);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        if (owner != null && owner.getScene() != null) scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setTitle("NPU Studio \u2014 " + session.title());
        stage.setOnHidden(e -> view.dispose());
        // Ctrl+W closes; so does Esc, except in a text field (where it clears the search). A filter, because the
        // pass list and the graph canvas consume Esc themselves.
        KeyCombination closeKey = KeyCombination.keyCombination("Shortcut+W");
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean esc = e.getCode() == KeyCode.ESCAPE && !(scene.getFocusOwner() instanceof TextInputControl);
            if (closeKey.match(e) || esc) {
                e.consume();
                stage.close();
            }
        });
        stage.show();
        return view;
    }
}
