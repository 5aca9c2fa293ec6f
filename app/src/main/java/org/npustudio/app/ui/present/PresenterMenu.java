package org.npustudio.app.ui.present;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/** The View menu's presenter entries: Presenter Mode (F5), Presenter Scale (1.6× / 2× / 2.5×), Presenter Notes. */
public final class PresenterMenu {
    private PresenterMenu() {}

    public static List<MenuItem> items(PresenterMode mode) {
        CheckMenuItem toggle = new CheckMenuItem("Presenter Mode");
        toggle.setId("menu-presenter");
        toggle.setAccelerator(KeyCombination.keyCombination("F5"));
        toggle.selectedProperty().bindBidirectional(mode.activeProperty());
        Menu scale = new Menu("Presenter Scale");
        scale.setId("menu-presenter-scale");
        ToggleGroup group = new ToggleGroup();
        for (double s : PresenterMode.SCALES) {
            RadioMenuItem item = new RadioMenuItem(label(s));
            item.setId("menu-presenter-scale-" + Math.round(s * 10));
            item.setToggleGroup(group);
            item.setSelected(s == mode.scaleProperty().get());
            item.setOnAction(e -> mode.setScale(s));
            scale.getItems().add(item);
        }
        mode.scaleProperty().addListener((o, was, now) -> group.getToggles().forEach(t ->
                t.setSelected(((RadioMenuItem) t).getText().equals(label(now.doubleValue())))));
        MenuItem notes = new MenuItem("Presenter Notes");
        notes.setId("menu-presenter-notes");
        notes.setOnAction(e -> mode.showNotes());
        return List.of(toggle, scale, notes);
    }

    /** "1.6×", "2×", "2.5×". */
    static String label(double scale) {
        String n = String.format(Locale.ROOT, "%.1f", scale);
        return (n.endsWith(".0") ? n.substring(0, n.length() - 2) : n) + "\u00D7";
    }
}
