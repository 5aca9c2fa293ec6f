package org.npustudio.app.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The op histogram as a table: operator, count and share of all nodes, most frequent first. */
final class OpHistogramTable extends TableView<OpCount> {
    OpHistogramTable(List<OpCount> rows) {
        setId("op-histogram-table");
        setItems(FXCollections.observableArrayList(rows));

        TableColumn<OpCount, String> op = new TableColumn<>("Operator");
        op.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().op()));
        op.setPrefWidth(170);

        TableColumn<OpCount, Integer> count = new TableColumn<>("Count");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        count.setStyle("-fx-alignment: CENTER-RIGHT;");
        count.setPrefWidth(70);

        TableColumn<OpCount, Double> share = new TableColumn<>("Share");
        share.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().share()));
        share.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.1f %%", v * 100));
            }
        });
        share.setStyle("-fx-alignment: CENTER-RIGHT;");
        share.setPrefWidth(70);

        getColumns().add(op);
        getColumns().add(count);
        getColumns().add(share);
        org.npustudio.graphview.ui.ColumnFit.install(this, 300);
    }
}
