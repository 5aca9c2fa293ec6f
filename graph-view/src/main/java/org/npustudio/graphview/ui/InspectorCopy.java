package org.npustudio.graphview.ui;

import java.util.stream.Collectors;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Copying from the inspector: Ctrl+C or the context menu puts the selected rows on the clipboard. */
final class InspectorCopy {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private InspectorCopy() {}

    static void install(TableView<InspectorRow> table) {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem rows = new MenuItem("Copy");
        rows.setAccelerator(COPY);
        rows.setOnAction(e -> put(text(table, false)));
        MenuItem values = new MenuItem("Copy Value");
        values.setOnAction(e -> put(text(table, true)));
        table.setContextMenu(new ContextMenu(rows, values));
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                put(text(table, false));
                e.consume();
            }
        });
    }

    /** The selected rows as "name<TAB>value" lines (a section as its title alone), or only their values. */
    static String text(TableView<InspectorRow> table, boolean valuesOnly) {
        return table.getSelectionModel().getSelectedItems().stream()
                .map(r -> valuesOnly ? r.value() : r.header() || r.value().isEmpty() ? r.name() : r.name() + "\t" + r.value())
                .collect(Collectors.joining("\n"));
    }

    private static void put(String text) {
        if (text.isEmpty()) return;
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
