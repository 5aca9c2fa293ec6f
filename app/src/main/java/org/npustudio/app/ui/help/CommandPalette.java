package org.npustudio.app.ui.help;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.controlsfx.control.textfield.TextFields;

/**
 * The command palette (Ctrl+Shift+P): every enabled menu action as "Menu › Action" with its shortcut, filtered
 * as one types (every word must occur, in any order); Enter or a double-click runs the chosen one, Esc closes.
 * The list is read from the menu bar each time the palette opens, so it shows what is enabled now.
 */
public final class CommandPalette {
    private final Stage stage;
    private final TextField field = TextFields.createClearableTextField();
    private final ListView<MenuActions.Action> list = new ListView<>();
    private final Supplier<List<MenuActions.Action>> actions;
    private FilteredList<MenuActions.Action> shown;

    CommandPalette(Window owner, Supplier<List<MenuActions.Action>> actions) {
        this.actions = actions;
        field.setId("palette-field");
        field.setPromptText("Type to find an action…");
        list.setId("palette-list");
        list.setCellFactory(v -> new ActionCell());
        list.setPlaceholder(new Label("No enabled action matches"));
        field.textProperty().addListener((o, was, now) -> filter(now));
        // Arrows in the field move the list's choice; Enter runs it.
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int i = list.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                if (i >= 0 && i < list.getItems().size()) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(i);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                runSelected();
                e.consume();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) runSelected();
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) runSelected();
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label hint = new Label("Enter or double-click runs the action · Esc closes");
        hint.getStyleClass().add("palette-hint");
        VBox box = new VBox(6, field, list, hint);
        box.setPadding(new Insets(8));
        box.setId("command-palette");
        stage = HelpWindows.create(owner, "Command Palette", box, 560, 420);
    }

    /** Opens with an empty query and the current enabled actions. */
    void show() {
        shown = new FilteredList<>(FXCollections.observableArrayList(
                actions.get().stream().filter(MenuActions.Action::enabled).toList()));
        list.setItems(shown);
        field.clear();
        filter("");
        HelpWindows.showFront(stage);
        field.requestFocus();
    }

    Stage stage() { return stage; }

    private void filter(String query) {
        if (shown == null) return;
        String[] words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        shown.setPredicate(a -> {
            String text = (a.title() + " " + a.accelerator()).toLowerCase(Locale.ROOT);
            for (String w : words) if (!text.contains(w)) return false;
            return true;
        });
        if (!shown.isEmpty()) list.getSelectionModel().select(0);
    }

    /** Closes the palette first, so the action's own windows and focus are not under it. */
    private void runSelected() {
        MenuActions.Action a = list.getSelectionModel().getSelectedItem();
        if (a == null) return;
        stage.hide();
        a.run();
    }

    private static final class ActionCell extends ListCell<MenuActions.Action> {
        private final Label title = new Label();
        private final Label key = new Label();
        private final BorderPane row = new BorderPane(null, null, key, null, title);

        ActionCell() {
            key.getStyleClass().add("palette-shortcut");
            BorderPane.setMargin(key, new Insets(0, 0, 0, 12));
        }

        @Override
        protected void updateItem(MenuActions.Action a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                setGraphic(null);
                return;
            }
            title.setText(a.title());
            key.setText(a.accelerator());
            setGraphic(row);
        }
    }
}
