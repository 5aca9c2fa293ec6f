package org.npustudio.app.ui.help;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help ▸ Keyboard Shortcuts and Gestures (also {@code ?}): the menu actions with their accelerators, read from
 * the menu bar when the window opens, and the graph view's gestures.
 */
final class ShortcutsWindow {
    private ShortcutsWindow() {}

    static Stage create(Window owner, List<MenuActions.Action> actions) {
        TableView<MenuActions.Action> menus = table("shortcuts-actions", actions,
                column("Menu", 190, MenuActions.Action::path),
                column("Action", 300, MenuActions.Action::name),
                column("Shortcut", 150, MenuActions.Action::accelerator));
        TableView<Gestures.Gesture> gestures = table("shortcuts-gestures", Gestures.ALL,
                column("Where", 130, Gestures.Gesture::where),
                column("Gesture or key", 290, Gestures.Gesture::input),
                column("Does", 440, Gestures.Gesture::effect));
        VBox.setVgrow(menus, Priority.ALWAYS);
        VBox.setVgrow(gestures, Priority.ALWAYS);
        VBox box = new VBox(6, heading("Menu actions"), menus, heading("Graph gestures and keys"), gestures);
        box.setPadding(new Insets(10));
        box.setId("shortcuts-window");
        return HelpWindows.create(owner, "Keyboard Shortcuts and Gestures", box, 900, 820);
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("help-heading");
        return l;
    }

    @SafeVarargs
    private static <T> TableView<T> table(String id, List<T> rows, TableColumn<T, String>... columns) {
        TableView<T> t = new TableView<>(FXCollections.observableArrayList(rows));
        t.setId(id);
        t.getColumns().addAll(columns);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        return t;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
