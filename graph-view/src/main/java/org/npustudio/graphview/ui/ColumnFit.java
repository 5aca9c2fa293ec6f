package org.npustudio.graphview.ui;

import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Sizes a table's columns to their content: each visible column gets the width of its header or its widest
 * cell text (the first {@link #SAMPLED_ROWS} rows, as the cell factory renders them), capped, and the last
 * column takes whatever width is left: when the others fit, it ends at the table's edge even if a long value
 * then ends in "…" (a table scrolled sideways by a few pixels for one value reads worse). The table runs UNCONSTRAINED: JavaFX's CONSTRAINED policies re-share the
 * width on every layout and undo the fitted widths (the first attempt at this failed there); a wide table
 * scrolls sideways instead of cutting its headers to "Share …".
 */
public final class ColumnFit {
    static final int SAMPLED_ROWS = 400;
    private static final String FITTED = "npustudio.column-fit.width", HEADER = "npustudio.column-fit.header";
    private static final double CELL_PADDING = 14, HEADER_PADDING = 26;

    private ColumnFit() {}

    /** Fits now and again whenever the rows, the visible columns or the table's width change. */
    public static <S> void install(TableView<S> table, double maxColumnWidth) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        boolean[] pending = {false};
        Runnable later = () -> {
            if (pending[0]) return;
            pending[0] = true;
            Platform.runLater(() -> {
                pending[0] = false;
                fit(table, maxColumnWidth);
            });
        };
        ListChangeListener<S> rows = c -> later.run();
        table.itemsProperty().addListener((o, was, now) -> {
            if (was != null) was.removeListener(rows);
            if (now != null) now.addListener(rows);
            later.run();
        });
        if (table.getItems() != null) table.getItems().addListener(rows);
        table.getVisibleLeafColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> later.run());
        table.widthProperty().addListener((o, was, now) -> fillLast(table));
        // The vertical scroll bar comes and goes with the rows, after the fit: the last column gives it room.
        table.skinProperty().addListener((o, was, now) -> Platform.runLater(() -> {
            ScrollBar bar = verticalBar(table);
            if (bar != null) bar.visibleProperty().addListener((ob, w, n) -> fillLast(table));
        }));
        fit(table, maxColumnWidth);
    }

    /** Sets every visible column to its content width (at most {@code maxColumnWidth}); the last one fills. */
    public static <S> void fit(TableView<S> table, double maxColumnWidth) {
        for (TableColumn<S, ?> c : table.getVisibleLeafColumns()) {
            double w = Math.min(maxColumnWidth, Math.max(c.getMinWidth(), contentWidth(table, c)));
            c.getProperties().put(FITTED, w);
            c.getProperties().put(HEADER, Math.min(w, headerWidth(c)));
            c.setPrefWidth(w);
        }
        fillLast(table);
    }

    /** The width the column's header and its sampled cells need, unclamped. */
    public static <S, T> double contentWidth(TableView<S> table, TableColumn<S, T> column) {
        Font body = Font.getDefault();
        double widest = headerWidth(column);
        TableCell<S, T> cell = column.getCellFactory().call(column);
        cell.updateTableView(table);
        cell.updateTableColumn(column);
        int rows = Math.min(SAMPLED_ROWS, table.getItems() == null ? 0 : table.getItems().size());
        for (int i = 0; i < rows; i++) {
            cell.updateIndex(i);
            String text = cell.getText();
            if (text == null) {
                Object v = column.getCellData(i);
                text = v == null ? "" : v.toString();
            }
            widest = Math.max(widest, textWidth(text, body) + CELL_PADDING);
        }
        cell.updateIndex(-1);
        return Math.ceil(widest);
    }

    private static double headerWidth(TableColumn<?, ?> column) {
        Font body = Font.getDefault();
        return Math.ceil(textWidth(column.getText(), Font.font(body.getFamily(), FontWeight.BOLD, body.getSize())) + HEADER_PADDING);
    }

    private static double textWidth(String s, Font font) {
        if (s == null || s.isEmpty()) return 0;
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** Fits the last visible column to the free width when its header fits there, else leaves it at its content width. */
    private static <S> void fillLast(TableView<S> table) {
        List<TableColumn<S, ?>> cols = table.getVisibleLeafColumns();
        if (cols.isEmpty() || table.getWidth() <= 0) return;
        TableColumn<S, ?> last = cols.get(cols.size() - 1);
        Object fitted = last.getProperties().get(FITTED);
        if (!(fitted instanceof Double own) || !(last.getProperties().get(HEADER) instanceof Double header)) return;
        double used = 0;
        for (int i = 0; i < cols.size() - 1; i++) used += cols.get(i).getWidth();
        double free = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - verticalBarWidth(table) - used - 2;
        last.setPrefWidth(free >= header ? free : own);
    }

    private static double verticalBarWidth(TableView<?> table) {
        ScrollBar b = verticalBar(table);
        if (b == null || table.getItems() == null || table.getItems().isEmpty()) return 0;
        for (javafx.scene.Node n = b; n != null && n != table; n = n.getParent()) {
            if (!n.isVisible()) return 0; // an empty table hides the whole flow behind its placeholder
        }
        return b.getWidth();
    }

    private static ScrollBar verticalBar(TableView<?> table) {
        for (javafx.scene.Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL) return b;
        }
        return null;
    }
}
