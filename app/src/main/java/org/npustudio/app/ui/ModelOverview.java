package org.npustudio.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.npustudio.analysis.ModelSummary;
import org.npustudio.analysis.Quantities;
import org.npustudio.analysis.ValueSummary;
import org.npustudio.ir.OpsetId;

/** The overview of an open model: name, key figures, interface and op histogram (table and chart). */
final class ModelOverview extends BorderPane {
    private final List<OpCount> rows;

    ModelOverview(LoadedModel loaded) {
        setId("model-overview");
        getStyleClass().add("model-overview");
        ModelSummary s = loaded.summary();
        rows = rows(s.opHistogram(), s.nodes());

        Label name = new Label(s.name());
        name.setId("model-name");
        name.getStyleClass().add("model-name");
        Label file = new Label(loaded.file().toAbsolutePath().toString());
        file.getStyleClass().add("model-file");
        VBox header = new VBox(2, name, file, facts(s), interfaceGrid(s));
        header.setPadding(new Insets(14, 16, 10, 16));
        header.setSpacing(8);
        setTop(header);

        VBox chartBox = new VBox(new OpHistogramChart(rows));
        chartBox.getStyleClass().add("chart-box");
        SplitPane histogram = new SplitPane(new OpHistogramTable(rows), chartBox);
        histogram.setOrientation(Orientation.HORIZONTAL);
        org.npustudio.graphview.ui.SplitMemory.remember(histogram, "summary.histogram", 0.36);
        BorderPane.setMargin(histogram, new Insets(0, 16, 14, 16));
        setCenter(histogram);
    }

    List<OpCount> rows() { return rows; }

    private static List<OpCount> rows(Map<String, Integer> histogram, int total) {
        List<OpCount> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : histogram.entrySet()) {
            out.add(new OpCount(e.getKey(), e.getValue(), total == 0 ? 0 : e.getValue() / (double) total));
        }
        return out;
    }

    private static FlowPane facts(ModelSummary s) {
        FlowPane cards = new FlowPane(10, 10);
        cards.setId("model-facts");
        String sub = s.subgraphNodes() > 0 ? "+ " + Quantities.grouped(s.subgraphNodes()) + " in subgraphs" : "";
        cards.getChildren().add(new FactCard("fact-nodes", "Nodes", Quantities.grouped(s.nodes()), sub));
        cards.getChildren().add(new FactCard("fact-params", "Parameters", Quantities.si(s.params()),
                Quantities.bytes(s.paramBytes()) + " in " + s.initializers() + " initializers"));
        cards.getChildren().add(costCard("fact-macs", "MACs", s, s.knownMacs()));
        cards.getChildren().add(costCard("fact-flops", "FLOPs", s, s.knownFlops()));
        cards.getChildren().add(new FactCard("fact-opsets", "Opsets", opsets(s.opsets()),
                "IR version " + s.irVersion()));
        String producer = (s.producerName() + " " + s.producerVersion()).strip();
        cards.getChildren().add(new FactCard("fact-producer", "Producer", producer.isEmpty() ? "—" : producer, ""));
        return cards;
    }

    private static FactCard costCard(String id, String caption, ModelSummary s, long known) {
        if (s.unknownCostNodes() == 0) return new FactCard(id, caption, Quantities.si(known), Quantities.grouped(known));
        if (s.unknownCostNodes() == s.nodes()) return new FactCard(id, caption, "unknown", "no node has known shapes");
        String note = s.unknownCostNodes() + " of " + s.nodes() + " nodes lack shapes";
        // A lower bound of zero says nothing; show it as unknown.
        return new FactCard(id, caption, known == 0 ? "unknown" : "≥ " + Quantities.si(known), note);
    }

    private static String opsets(List<OpsetId> opsets) {
        StringBuilder b = new StringBuilder();
        for (OpsetId o : opsets) {
            if (b.length() > 0) b.append(", ");
            b.append(OpsetId.isDefaultDomain(o.domain()) ? "" : o.domain() + " ").append(o.version());
        }
        return b.length() == 0 ? "—" : b.toString();
    }

    /** Inputs and outputs with their types, one per row. */
    private static GridPane interfaceGrid(ModelSummary s) {
        GridPane g = new GridPane();
        g.setId("model-interface");
        g.setHgap(12);
        g.setVgap(2);
        int row = 0;
        row = addValues(g, row, "Inputs", s.inputs());
        addValues(g, row, "Outputs", s.outputs());
        return g;
    }

    private static int addValues(GridPane g, int row, String caption, List<ValueSummary> values) {
        int shown = Math.min(values.size(), 6);
        for (int i = 0; i < shown; i++) {
            Label c = new Label(i == 0 ? caption : "");
            c.getStyleClass().add("fact-caption");
            Label n = new Label(values.get(i).name());
            n.getStyleClass().add("mono");
            Label t = new Label(values.get(i).typeText());
            t.getStyleClass().addAll("mono", "type-text");
            g.addRow(row++, c, n, t);
        }
        if (values.size() > shown) g.addRow(row++, new Label(""), new Label("… " + (values.size() - shown) + " more"));
        if (values.isEmpty()) g.addRow(row++, new Label(caption), new Label("—"));
        return row;
    }
}
