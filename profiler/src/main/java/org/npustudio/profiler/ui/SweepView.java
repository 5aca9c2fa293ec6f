package org.npustudio.profiler.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.npustudio.npusim.sweep.SweepRow;
import org.npustudio.profiler.data.SweepData;

/**
 * The Sweep view (docs/sweeps.md, "In the IDE"): a scatter of a finished sweep with X and Y chosen from the
 * objectives and the chosen pair's front highlighted, the invalid points with their reasons, and a table of
 * the brushed points (parameters and objectives). Clicking a dot or double-clicking a row asks the owner to
 * open that point ({@link #setOnOpen}); with several models the scatter shows one model at a time, as points
 * of different models are never compared.
 */
public final class SweepView extends BorderPane {
    private final ComboBox<String> model = new org.controlsfx.control.SearchableComboBox<>(); // a sweep may span many models
    private final ComboBox<String> xAxis = new ComboBox<>();
    private final ComboBox<String> yAxis = new ComboBox<>();
    private final Label summary = new Label();
    private final SweepScatter scatter = new SweepScatter();
    private final TableView<SweepRow> table = new TableView<>();
    private final ListView<String> invalidList = new ListView<>();
    private final TitledPane invalidPane = new TitledPane();
    private final SweepData data;
    private List<SweepRow> shown = List.of();
    private boolean[] front = new boolean[0];
    private Consumer<SweepRow> onOpen = r -> { };

    public SweepView(SweepData data) {
        this.data = data;
        setId("sweep-view");
        model.getItems().setAll(data.models());
        model.setValue(data.models().isEmpty() ? null : data.models().get(0));
        model.setId("sweep-model");
        xAxis.getItems().setAll(SweepData.AXES);
        yAxis.getItems().setAll(SweepData.AXES);
        xAxis.setValue("latency_us");
        yAxis.setValue("energy_uj");
        xAxis.setId("sweep-x");
        yAxis.setId("sweep-y");
        summary.setId("sweep-summary");
        for (ComboBox<String> c : List.of(model, xAxis, yAxis)) c.valueProperty().addListener(o -> refresh());
        HBox controls = new HBox(8, new Label("Model"), model, new Label("X"), xAxis, new Label("Y"), yAxis, summary);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4));
        model.setDisable(data.models().size() < 2);

        table.setId("sweep-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY); // the columns share the width: no cut headers
        table.setPlaceholder(new Label("Drag a rectangle on the plot to list points here; click a point to profile it."));
        table.getColumns().add(column("id", r -> Long.toString(r.id())));
        table.getColumns().add(column("model", r -> r.point().model()));
        for (int i = 0; i < data.parameters().size(); i++) {
            int k = i;
            table.getColumns().add(column(data.parameters().get(i), r -> r.point().values().get(k)));
        }
        for (String o : SweepData.AXES) table.getColumns().add(column(o, r -> format(SweepData.value(r, o))));
        table.getColumns().add(column("front", r -> isFront(r) ? "yes" : ""));
        table.setRowFactory(t -> {
            TableRow<SweepRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) onOpen.accept(row.getItem());
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !scatter.selection().contains(now)) scatter.select(List.of(now));
        });
        scatter.setOnSelect(s -> table.getItems().setAll(s));
        scatter.setOnOpen(r -> onOpen.accept(r));

        List<SweepRow> invalid = data.invalid();
        invalidList.setId("sweep-invalid");
        invalidList.getItems().setAll(invalid.stream().map(r -> "point " + r.id() + " (" + r.point().model() + ", " + data.describe(r) + "): " + r.reason()).toList());
        invalidList.setPrefHeight(90);
        invalidPane.setText(invalid.size() + " invalid point" + (invalid.size() == 1 ? "" : "s") + (invalid.isEmpty() ? "" : " (not plotted)"));
        invalidPane.setContent(invalidList);
        invalidPane.setExpanded(false);
        invalidPane.setDisable(invalid.isEmpty());
        invalidPane.setId("sweep-invalid-pane");

        SplitPane split = new SplitPane(scatter, new VBox(invalidPane, table));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        split.setOrientation(Orientation.VERTICAL);
        org.npustudio.graphview.ui.SplitMemory.remember(split, "sweep.table", 0.62);
        setTop(controls);
        setCenter(split);
        refresh();
    }

    /** Called with a point to profile (a click on its dot, or a double click on its row). */
    public void setOnOpen(Consumer<SweepRow> c) { onOpen = c; }

    public SweepData data() { return data; }

    public ComboBox<String> xAxis() { return xAxis; }

    public ComboBox<String> yAxis() { return yAxis; }

    public ComboBox<String> model() { return model; }

    public TableView<SweepRow> table() { return table; }

    /** The scatter node (for a test's robot: drags and clicks land on it). */
    public javafx.scene.Node plot() { return scatter; }

    /** The rows drawn as front points of the shown pair. */
    public List<SweepRow> highlighted() {
        List<SweepRow> out = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) if (front[i] && scatter.plotted().contains(shown.get(i))) out.add(shown.get(i));
        return out;
    }

    /** Selects these rows as a brush would (the table lists them). */
    public void brush(List<SweepRow> rows) { scatter.select(rows); }

    /** The brushed rows. */
    public List<SweepRow> selection() { return scatter.selection(); }

    /** Where a row's dot is, in the plot's coordinates (null when it is not drawn). */
    public javafx.geometry.Point2D position(SweepRow r) { return scatter.position(r); }

    public boolean logX() { return scatter.logX(); }

    public boolean logY() { return scatter.logY(); }

    private boolean isFront(SweepRow r) {
        int i = shown.indexOf(r);
        return i >= 0 && front[i];
    }

    private void refresh() {
        String x = xAxis.getValue(), y = yAxis.getValue(), m = model.getValue();
        if (x == null || y == null) return;
        boolean[] all = data.front(x, y);
        List<SweepRow> rows = new ArrayList<>();
        List<Boolean> f = new ArrayList<>();
        for (int i = 0; i < data.rows().size(); i++) {
            SweepRow r = data.rows().get(i);
            if (m != null && !r.point().model().equals(m)) continue;
            rows.add(r);
            f.add(all[i]);
        }
        shown = rows;
        front = new boolean[f.size()];
        for (int i = 0; i < front.length; i++) front[i] = f.get(i);
        scatter.show(data, shown, front, x, y);
        table.getItems().setAll(scatter.selection());
        table.refresh();
        summary.setText(String.format(Locale.ROOT, "%d points plotted · %d on the front of %s and %s%s", scatter.plotted().size(), highlighted().size(),
                x, y, SweepData.maximised(x) || SweepData.maximised(y) ? " (utilisation maximised)" : ""));
    }

    private static TableColumn<SweepRow, String> column(String title, java.util.function.Function<SweepRow, String> cell) {
        TableColumn<SweepRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(cell.apply(d.getValue())));
        return c;
    }

    /** Four significant digits, plain or in E notation for very large or small values; empty for NaN. */
    static String format(double v) {
        if (Double.isNaN(v)) return "";
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) return String.format(Locale.ROOT, "%.3g", v);
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
