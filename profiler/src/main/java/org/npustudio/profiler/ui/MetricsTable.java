package org.npustudio.profiler.ui;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.npustudio.profiler.data.Metric;
import org.npustudio.profiler.data.NodeMetrics;
import org.npustudio.profiler.data.Profile;
import org.npustudio.profiler.data.Units;

/**
 * The per-node table: sortable by every column, filtered by a regular expression over name, op type,
 * device, partition and (as compiled) what the node became, with a totals line for what is shown. Selecting a row reports the node id;
 * {@link #select(String)} reflects a selection made on the graph.
 */
public final class MetricsTable extends BorderPane {
    private final TableView<NodeMetrics> table = new TableView<>();
    private final TextField filter = new TextField();
    private final Label totals = new Label();
    private final TableColumn<NodeMetrics, String> compiledAs = text("Compiled as", NodeMetrics::compiled, 320);
    private FilteredList<NodeMetrics> filtered = new FilteredList<>(FXCollections.observableArrayList());
    private boolean selectingFromOutside;

    public MetricsTable(Consumer<String> onSelect) {
        setId("metrics-table-pane");
        table.setId("metrics-table");
        filter.setId("metrics-filter");
        filter.setPromptText("Filter (regex over name, op, device, partition, compiled as)");
        table.getColumns().add(text("Node", NodeMetrics::name, 260));
        table.getColumns().add(text("Op", NodeMetrics::opType, 110));
        // Only as compiled, beside the op so it is in view: what each opened node became ("Conv + folded
        // BatchNormalization 'bn1'…", "folded into 'conv1' (fold-batchnorm)").
        compiledAs.setId("col-compiled");
        compiledAs.setVisible(false);
        compiledAs.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                setTooltip(empty || v == null ? null : new javafx.scene.control.Tooltip(v)); // ids make it long: the whole note on hover
            }
        });
        table.getColumns().add(compiledAs);
        table.getColumns().add(text("Device", NodeMetrics::device, 110));
        table.getColumns().add(text("Precision", NodeMetrics::precision, 75)); // per node under a mixed-precision plan
        table.getColumns().add(number(Metric.LATENCY, 90));
        table.getColumns().add(number(Metric.SHARE, 70));
        table.getColumns().add(number(Metric.MACS, 90));
        table.getColumns().add(number(Metric.DRAM_READ, 90));
        table.getColumns().add(number(Metric.DRAM_WRITE, 90));
        table.getColumns().add(number(Metric.INTENSITY, 90));
        table.getColumns().add(number(Metric.UTILISATION, 70));
        table.getColumns().add(number(Metric.ENERGY, 90));
        table.getColumns().add(text("Bound", n -> n.ownsWork() ? n.bound() : "—", 70)); // an absorbed node has no bound of its own
        // measured (host profile) or modelled: never leave the reader guessing which numbers are real
        table.getColumns().add(text("Cost", NodeMetrics::costSource, 80));
        // Headers and values in full ("Share of latency", not "Share …"); long node paths capped, the table scrolls sideways.
        org.npustudio.graphview.ui.ColumnFit.install(table, 420);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && !selectingFromOutside) onSelect.accept(row.id());
        });
        filter.textProperty().addListener((obs, old, text) -> applyFilter(text));
        HBox bar = new HBox(8, filter, totals);
        HBox.setHgrow(filter, Priority.ALWAYS);
        bar.setPadding(new Insets(4));
        setTop(bar);
        setCenter(table);
    }

    public void show(Profile p) {
        filtered = new FilteredList<>(FXCollections.observableArrayList(p == null ? java.util.List.of() : p.nodes()));
        compiledAs.setVisible(p != null && p.asCompiled());
        SortedList<NodeMetrics> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        applyFilter(filter.getText());
    }

    /** Selects and scrolls to the node's row (no callback), or clears the selection when it has none. */
    public void select(String nodeId) {
        selectingFromOutside = true;
        try {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).id().equals(nodeId)) {
                    table.getSelectionModel().clearAndSelect(i);
                    table.scrollTo(i);
                    return;
                }
            }
            table.getSelectionModel().clearSelection();
        } finally {
            selectingFromOutside = false;
        }
    }

    public TableView<NodeMetrics> tableView() { return table; }

    private void applyFilter(String text) {
        Pattern p;
        try {
            p = text == null || text.isBlank() ? null : Pattern.compile(text, Pattern.CASE_INSENSITIVE);
            filter.setStyle("");
        } catch (PatternSyntaxException e) {
            filter.setStyle("-fx-text-fill: #D55E00;");
            return;
        }
        Pattern pattern = p;
        filtered.setPredicate(n -> pattern == null || pattern.matcher(n.name()).find() || pattern.matcher(n.opType()).find()
                || pattern.matcher(n.device()).find() || pattern.matcher(n.partition()).find()
                || n.compiled() != null && pattern.matcher(n.compiled()).find());
        double latency = 0, dram = 0, macs = 0;
        int unknown = 0;
        for (NodeMetrics n : filtered) {
            if (!n.costed()) {
                unknown++;
                continue;
            }
            latency += n.latencyMicros();
            dram += n.dramBytes();
            macs += n.macs();
        }
        totals.setId("metrics-totals");
        // With ops not costed the sums are lower bounds: say "≥" and how many are left out.
        String atLeast = unknown > 0 ? "≥ " : "";
        totals.setText(String.format(Locale.ROOT, "%d ops · %s%s · %s%s · %s%sMAC", filtered.size(), atLeast, Metric.LATENCY.format(latency),
                atLeast, Units.bytes(dram), atLeast, Units.count(macs)) + (unknown > 0 ? " · " + unknown + " not costed (?)" : ""));
    }

    private static TableColumn<NodeMetrics, String> text(String title, java.util.function.Function<NodeMetrics, String> f, double width) {
        TableColumn<NodeMetrics, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Sorts by the number, shows the formatted value. */
    private static TableColumn<NodeMetrics, Double> number(Metric m, double width) {
        TableColumn<NodeMetrics, Double> c = new TableColumn<>(m.label());
        c.setId("col-" + m.key());
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(m.of(cd.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                NodeMetrics row = getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || v == null ? null : row != null && !row.costed() ? Metric.UNKNOWN : m.format(v));
                setStyle("-fx-alignment: CENTER-RIGHT;");
            }
        });
        c.setComparator((a, b) -> Double.compare(a == null || a.isNaN() ? Double.NEGATIVE_INFINITY : a,
                b == null || b.isNaN() ? Double.NEGATIVE_INFINITY : b));
        c.setPrefWidth(width);
        return c;
    }
}
