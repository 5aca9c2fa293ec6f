package org.npustudio.app.ui.present;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The presenter's notes: the current step's title and text in a window of their own. With a second screen
 * it opens there, full size, when presenting starts (the room sees the main window on the projector);
 * otherwise View > Presenter Notes opens it as a normal window.
 */
public final class PresenterNotes {
    private final Stage main;
    private final StringProperty title;
    private final StringProperty text;
    private Stage stage;

    PresenterNotes(Stage main, StringProperty title, StringProperty text) {
        this.main = main;
        this.title = title;
        this.text = text;
    }

    /** The notes window, or null before it was first opened. */
    public Stage stage() { return stage; }

    public boolean isShowing() { return stage != null && stage.isShowing(); }

    /** Opens the notes on a screen other than the main window's, filling it; nothing with one screen. */
    void showOnSecondScreen() {
        List<Screen> screens = Screen.getScreens();
        if (screens.size() < 2) return;
        Screen mainScreen = screenOf(main);
        Screen other = screens.stream().filter(s -> !s.equals(mainScreen)).findFirst().orElse(screens.get(1));
        Rectangle2D b = other.getVisualBounds();
        Stage s = stage();
        if (s == null) s = create();
        s.setX(b.getMinX());
        s.setY(b.getMinY());
        s.setWidth(b.getWidth());
        s.setHeight(b.getHeight());
        s.show();
    }

    /** Opens (or brings forward) the notes as a normal window beside the main one. */
    void showHere() {
        Stage s = stage == null ? create() : stage;
        s.show();
        s.toFront();
    }

    private Stage create() {
        Label heading = new Label();
        heading.setId("presenter-notes-title");
        heading.getStyleClass().add("presenter-notes-title");
        heading.textProperty().bind(title);
        heading.setWrapText(true);
        Label body = new Label();
        body.setId("presenter-notes-text");
        body.getStyleClass().add("presenter-notes-text");
        body.textProperty().bind(text);
        body.setWrapText(true);
        Label keys = new Label("→ / Page Down: next step    ← / Page Up: previous step    F5: leave presenter mode");
        keys.getStyleClass().add("presenter-notes-keys");
        keys.setWrapText(true);
        VBox box = new VBox(16, heading, body, keys);
        box.setPadding(new Insets(24));
        box.setId("presenter-notes");
        box.getStyleClass().add("presenter-notes");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 720, 560);
        scene.getStylesheets().addAll(main.getScene() == null ? List.of() : main.getScene().getStylesheets());
        stage = new Stage();
        stage.initOwner(main);
        stage.setTitle("NPU Studio — Presenter Notes");
        stage.setScene(scene);
        return stage;
    }

    private static Screen screenOf(Stage s) {
        List<Screen> under = Screen.getScreensForRectangle(s.getX(), s.getY(), Math.max(1, s.getWidth()), Math.max(1, s.getHeight()));
        return under.isEmpty() ? Screen.getPrimary() : under.get(0);
    }
}
