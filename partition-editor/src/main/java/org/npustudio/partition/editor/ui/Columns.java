package org.npustudio.partition.editor.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Read-only text columns for the editor's tables. */
final class Columns {
    private Columns() {}

    static <T> TableColumn<T, String> text(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** Right-aligned, for figures. */
    static <T> TableColumn<T, String> number(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = text(title, width, value);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
