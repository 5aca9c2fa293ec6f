package org.npustudio.graphview.ui;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.npustudio.analysis.OpCost;
import org.npustudio.analysis.OpCostModel;
import org.npustudio.analysis.Quantities;
import org.npustudio.analysis.TypeText;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.NodeKind;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.Graph;
import org.npustudio.graphview.layout.GraphLayoutInput;
import org.npustudio.ir.Node;
import org.npustudio.onnx.OpaqueOps;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;

/**
 * Properties of the selected node: kind, op type and names; attributes; inputs and outputs with types
 * and shapes; MACs, FLOPs and parameter bytes; and, for constant inputs, a value summary computed lazily.
 */
final class Inspector extends VBox {
    private static final int MAX_WEIGHT_SUMMARIES = 4;
    private final TableView<InspectorRow> table = new TableView<>();
    private final VBox weights = new VBox(8);
    private final Label heading = new Label("Nothing selected");
    private final ExecutorService worker = Workers.single("inspector-stats");
    private final Map<Graph, OpCostModel> costModels = new IdentityHashMap<>();

    Inspector() {
        setId("graph-inspector-panel");
        getStyleClass().add("graph-inspector");
        setSpacing(6);
        heading.getStyleClass().add("inspector-heading");
        heading.setId("inspector-heading");
        table.setId("graph-inspector");
        table.setPlaceholder(new Label("Select a node to see its properties"));
        TableColumn<InspectorRow, String> name = new TableColumn<>("Property");
        name.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<InspectorRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().value()));
        value.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < 28 ? null : new Tooltip(item));
            }
        });
        name.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.length() < 28 ? null : new Tooltip(item));
            }
        });
        table.getColumns().setAll(List.of(name, value));
        // The names take the width they need (up to a cap, tensor paths are long) and the values the rest: the
        // fixed 110 px cut "parameter bytes" and input names short beside an empty half of the panel.
        ColumnFit.install(table, 240);
        InspectorCopy.install(table);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(InspectorRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("inspector-section");
                if (!empty && item != null && item.header()) getStyleClass().add("inspector-section");
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        ScrollPane weightScroll = new ScrollPane(weights);
        weightScroll.setFitToWidth(true);
        weightScroll.setPrefViewportHeight(150);
        weightScroll.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(weights.getChildren()));
        weightScroll.managedProperty().bind(weightScroll.visibleProperty());
        getChildren().addAll(heading, table, weightScroll);
    }

    List<InspectorRow> rows() { return table.getItems(); }

    String heading() { return heading.getText(); }

    void clear() {
        cancelWeights();
        heading.setText("Nothing selected");
        table.setItems(FXCollections.observableArrayList());
    }

    /** @param extras rows shown before the node's own (e.g. what a pass changed); may be empty */
    void show(GraphScene scene, int node, Graph graph, List<InspectorRow> extras) {
        cancelWeights();
        if (scene == null || node < 0) {
            clear();
            return;
        }
        List<InspectorRow> rows = new ArrayList<>(extras);
        List<Tensor> constants = new ArrayList<>();
        String key = scene.key(node);
        NodeKind kind = scene.kind(node);
        Node n = kind == NodeKind.OPERATOR && graph != null ? graph.nodeById(key) : null;
        Graph owner = graph;
        GraphLayoutInput.BodyNode body = n == null && kind == NodeKind.OPERATOR && graph != null ? GraphLayoutInput.bodyNode(graph, key) : null;
        if (body != null) {
            n = body.node();
            owner = body.graph(); // types and constants of a body node live in its body graph
        }
        if (kind == NodeKind.GROUP) {
            heading.setText("Group · " + scene.title(node));
            rows.addAll(GroupDetails.rows(scene.groupContent(node), graph, graph == null ? null : costModels.computeIfAbsent(graph, OpCostModel::new)));
        } else if (n != null) {
            // Exporter names are long paths; the heading keeps the last segment, the table the whole name.
            heading.setText(n.opType() + " · " + shortName(n));
            describeOperator(n, owner, rows, constants);
        } else {
            heading.setText(kindName(kind) + " · " + key);
            rows.add(InspectorRow.section(kindName(kind)));
            rows.add(InspectorRow.of("name", key));
            if (graph != null) {
                rows.add(InspectorRow.of("type", typeText(graph, key)));
                Tensor t = graph.initializers().get(key);
                if (t != null) {
                    rows.add(InspectorRow.of("bytes", Quantities.bytes(t.byteSize())));
                    constants.add(t);
                }
                if (graph.producer(key) != null) rows.add(InspectorRow.of("producer", graph.producer(key).displayName()));
                rows.add(InspectorRow.of("consumers", String.valueOf(graph.consumers(key).size())));
            } else {
                scene.lines(node).forEach(l -> rows.add(InspectorRow.of("", l)));
            }
        }
        table.setItems(FXCollections.observableArrayList(rows));
        for (int i = 0; i < Math.min(MAX_WEIGHT_SUMMARIES, constants.size()); i++) {
            weights.getChildren().add(new WeightSummaryPane(constants.get(i), worker));
        }
    }

    private void describeOperator(Node n, Graph graph, List<InspectorRow> rows, List<Tensor> constants) {
        rows.add(InspectorRow.section("Node"));
        rows.add(InspectorRow.of("op type", n.opType()));
        if (!n.domain().isEmpty()) rows.add(InspectorRow.of("domain", n.domain()));
        rows.add(InspectorRow.of("name", n.name().isEmpty() ? "(unnamed)" : n.name()));
        rows.add(InspectorRow.of("id", n.id() + (n.hasGeneratedId() ? "  (generated)" : "")));
        if (OpaqueOps.isOpaque(null, n)) rows.add(InspectorRow.of("schema", OpaqueOps.DESCRIPTION));
        if (!n.attributes().isEmpty()) {
            rows.add(InspectorRow.section("Attributes"));
            for (Attribute a : n.attributes().values()) rows.add(InspectorRow.of(a.name(), a.display()));
        }
        rows.add(InspectorRow.section("Inputs"));
        for (String v : n.inputs()) {
            if (v.isEmpty()) {
                rows.add(InspectorRow.of("(omitted)", ""));
                continue;
            }
            Tensor t = graph.initializers().get(v);
            if (t != null) constants.add(t);
            rows.add(InspectorRow.of(v, typeText(graph, v) + (t != null ? "  · constant" : "")));
        }
        rows.add(InspectorRow.section("Outputs"));
        for (String v : n.outputs()) rows.add(InspectorRow.of(v, typeText(graph, v)));
        OpCost cost = costModels.computeIfAbsent(graph, OpCostModel::new).cost(n);
        rows.add(InspectorRow.section("Cost"));
        rows.add(InspectorRow.of("MACs", cost.macs().isPresent() ? Quantities.grouped(cost.macs().getAsLong()) : "unknown"));
        rows.add(InspectorRow.of("FLOPs", cost.flops().isPresent() ? Quantities.grouped(cost.flops().getAsLong()) : "unknown"));
        rows.add(InspectorRow.of("parameters", Quantities.grouped(cost.params())));
        rows.add(InspectorRow.of("parameter bytes", Quantities.bytes(cost.paramBytes())));
    }

    /** "/layer3/layer3.1/conv2/Conv" → "conv2": the last path segment that is not just the op type. */
    static String shortName(Node n) {
        List<String> parts = new ArrayList<>();
        for (String p : n.displayName().split("/")) if (!p.isEmpty()) parts.add(p);
        if (parts.isEmpty()) return n.displayName();
        String last = parts.get(parts.size() - 1);
        boolean generic = last.equals(n.opType()) || last.matches(java.util.regex.Pattern.quote(n.opType()) + "_\\d+");
        return generic && parts.size() > 1 ? parts.get(parts.size() - 2) : last;
    }

    private static String typeText(Graph graph, String value) {
        TypeInfo t = graph.typeOf(value);
        return t == null ? "unknown" : TypeText.of(t);
    }

    private static String kindName(NodeKind k) {
        return switch (k) {
            case INPUT -> "Graph input";
            case OUTPUT -> "Graph output";
            case INITIALIZER -> "Initializer";
            case OPERATOR -> "Operator";
            case GROUP -> "Group";
        };
    }

    /** Forgets cached cost models (the graph was replaced). */
    void forgetGraphs() { costModels.clear(); }

    private void cancelWeights() {
        weights.getChildren().forEach(c -> ((WeightSummaryPane) c).cancel());
        weights.getChildren().clear();
    }
}
