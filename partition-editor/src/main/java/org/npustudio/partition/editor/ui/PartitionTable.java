package org.npustudio.partition.editor.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import org.npustudio.graphview.ui.ColumnFit;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.npustudio.analysis.Quantities;
import org.npustudio.graphview.ui.Buttons;
import org.npustudio.partition.editor.model.PartitionStats;
import org.npustudio.partition.editor.model.PlanEdit;
import org.npustudio.plan.Device;
import org.npustudio.plan.Partition;
import org.npustudio.plan.Plan;

/**
 * The partitions panel: one row per partition (the catch-all last, in italics) with device, precision,
 * node count, MACs, parameter bytes, boundary tensors and bytes, and whether it is legal. Selecting rows
 * selects their nodes on the graph. Below the table, and in each row's context menu: device, precision,
 * rename, merge, split at the selection, delete.
 */
final class PartitionTable extends VBox {
    static final List<String> STANDARD_PRECISIONS = List.of("fp32", "fp16", "int8", "int4");

    private final PartitionSession session;
    private final Consumer<List<String>> showNodes;
    private final TableView<PartitionStats> table = new TableView<>();
    private final ComboBox<String> device = new ComboBox<>();
    private final ComboBox<String> precision = new ComboBox<>();
    private boolean updating;

    /** @param showNodes selects and reveals nodes on the graph */
    PartitionTable(PartitionSession session, Consumer<List<String>> showNodes) {
        this.session = session;
        this.showNodes = showNodes;
        setId("partition-panel");
        table.setId("partition-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No partitions"));
        table.getColumns().setAll(List.of(
                Columns.<PartitionStats>text("Partition", 110, PartitionStats::name),
                Columns.text("Device", 70, PartitionStats::device),
                Columns.text("Precision", 115, this::precisionText),
                Columns.number("Nodes", 60, s -> Quantities.grouped(s.nodes())),
                Columns.number("MACs", 80, s -> Quantities.si(s.macs()) + (s.macsPartial() ? "+" : "")),
                Columns.number("Params", 80, s -> Quantities.bytes(s.paramBytes())),
                Columns.number("Inputs", 110, s -> tensors(s.inputs(), s.inputBytes())),
                Columns.number("Outputs", 110, s -> tensors(s.outputs(), s.outputBytes())),
                Columns.text("Status", 200, s -> s.errors() == 0 ? "✓ legal" : "✗ " + s.firstError())));
        ColumnFit.install(table, 480); // a long first error shows whole in Status, which fills the rest
        table.setRowFactory(t -> row());
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<PartitionStats>) c -> rowsSelected());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(table, actionBar());
        session.revisionProperty().addListener((o, was, now) -> refresh());
        refresh();
    }

    TableView<PartitionStats> table() { return table; }

    /** Selects the row of a partition (and so its nodes). */
    void selectPartition(String name) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).name().equals(name)) {
                table.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    private static String tensors(int count, long bytes) {
        return count + " · " + (bytes < 0 ? "? B" : Quantities.bytes(bytes));
    }

    private TableRow<PartitionStats> row() {
        TableRow<PartitionStats> r = new TableRow<>() {
            @Override
            protected void updateItem(PartitionStats s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("partition-catch-all", "partition-illegal");
                setTooltip(null);
                if (empty || s == null) return;
                if (s.catchAll()) getStyleClass().add("partition-catch-all");
                if (s.errors() > 0) {
                    getStyleClass().add("partition-illegal");
                    setTooltip(new Tooltip(s.firstError()));
                }
            }
        };
        r.setContextMenu(contextMenu());
        return r;
    }

    private ContextMenu contextMenu() {
        ContextMenu m = new ContextMenu();
        m.setOnShowing(e -> m.getItems().setAll(menuItems()));
        return m;
    }

    private List<MenuItem> menuItems() {
        List<MenuItem> items = new ArrayList<>();
        Partition p = selectedPartition();
        items.add(item("Select nodes", this::rowsSelected));
        items.add(item("Rename…", this::rename));
        if (p != null) {
            for (Device d : session.plan().devices()) {
                MenuItem i = item("Run on " + d.name() + " (" + d.kind().yamlName() + ")", () -> assignDevice(d.name()));
                i.setDisable(d.name().equals(p.device()));
                items.add(i);
            }
        }
        items.add(new SeparatorMenuItem());
        items.add(item("Merge selected rows", this::merge));
        items.add(item("Split at the graph selection", this::split));
        items.add(item("Delete", this::delete));
        return items;
    }

    private static MenuItem item(String text, Runnable r) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> r.run());
        return i;
    }

    /** One item per precision, then one that clears the nodes' own precision; shared with the Partition menu. */
    static List<MenuItem> precisionItems(SelectionEdits edits) {
        List<MenuItem> items = new ArrayList<>();
        for (org.npustudio.plan.Precision p : org.npustudio.plan.Precision.values()) {
            MenuItem i = new MenuItem(p.key());
            i.setId("node-precision-" + p.key());
            i.setOnAction(e -> edits.assignPrecision(p.key()));
            items.add(i);
        }
        items.add(new javafx.scene.control.SeparatorMenuItem());
        MenuItem clear = new MenuItem("Partition's precision");
        clear.setId("node-precision-clear");
        clear.setOnAction(e -> edits.assignPrecision(""));
        items.add(clear);
        return items;
    }

    private HBox actionBar() {
        device.setId("partition-device");
        device.setPromptText("Device");
        device.setTooltip(new Tooltip("Device the selected partition runs on"));
        device.setOnAction(e -> {
            if (!updating && device.getValue() != null) assignDevice(device.getValue());
        });
        precision.setId("partition-precision");
        precision.setPromptText("Precision");
        precision.setTooltip(new Tooltip("Precision of the selected partition (default: the device's)"));
        precision.setButtonCell(precisionCell());
        precision.setCellFactory(l -> precisionCell());
        precision.setOnAction(e -> {
            Partition p = selectedPartition();
            if (updating || p == null || precision.getValue() == null) return;
            session.apply(new PlanEdit.AssignPrecision(p.name(), precision.getValue()));
        });
        Button rename = Buttons.of("Rename…", "partition-rename", null, this::rename);
        Button merge = Buttons.of("Merge", "partition-merge", "Merge the selected rows into the first of them", this::merge);
        Button split = Buttons.of("Split at selection", "partition-split",
                "Move the selected graph nodes of this partition into a new partition", this::split);
        Button delete = Buttons.of("Delete", "partition-delete", null, this::delete);
        // the toolbar above the graph is full; the selection's own precision sits with the partition's
        javafx.scene.control.MenuButton nodes = new javafx.scene.control.MenuButton("Nodes' precision");
        nodes.setId("partition-node-precision");
        nodes.setTooltip(new Tooltip("Run the selected graph nodes at a precision of their own (mixed precision), saved in the plan"));
        nodes.getItems().setAll(precisionItems(new SelectionEdits(session)));
        nodes.disableProperty().bind(session.selection().keysProperty().map(k -> k.isEmpty()));
        HBox bar = new HBox(6, new Label("Device"), device, new Label("Precision"), precision, nodes, rename, merge, split, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.getStyleClass().add("partition-actions");
        return bar;
    }

    private static ListCell<String> precisionCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.isEmpty() ? "device default" : s);
            }
        };
    }

    // ---- reactions ---------------------------------------------------------------------------------------

    private void refresh() {
        List<String> selected = table.getSelectionModel().getSelectedItems().stream().map(PartitionStats::name).toList();
        updating = true;
        try {
            table.getItems().setAll(session.editor().stats());
            for (int i = 0; i < table.getItems().size(); i++) {
                if (selected.contains(table.getItems().get(i).name())) table.getSelectionModel().select(i);
            }
            device.setItems(FXCollections.observableArrayList(session.plan().devices().stream().map(Device::name).toList()));
            syncCombos();
        } finally {
            updating = false;
        }
    }

    private void rowsSelected() {
        if (updating) return;
        updating = true;
        try {
            syncCombos();
        } finally {
            updating = false;
        }
        List<String> ids = new ArrayList<>();
        for (PartitionStats s : table.getSelectionModel().getSelectedItems()) {
            int k = session.editor().binding().indexOfPartition(s.name());
            if (k < 0) continue;
            for (int i : session.editor().binding().members(k)) ids.add(session.editor().binding().index().node(i).id());
        }
        if (!ids.isEmpty()) showNodes.accept(ids);
    }

    private void syncCombos() {
        Partition p = selectedPartition();
        device.setDisable(p == null);
        precision.setDisable(p == null);
        if (p == null) {
            device.setValue(null);
            precision.setValue(null);
            return;
        }
        device.setValue(p.device());
        Device d = session.plan().device(p.device());
        List<String> choices = new ArrayList<>();
        choices.add("");
        choices.addAll(d == null || d.precisions().isEmpty() ? STANDARD_PRECISIONS : List.copyOf(d.precisions()));
        if (!choices.contains(p.precision())) choices.add(p.precision());
        precision.setItems(FXCollections.observableArrayList(choices));
        precision.setValue(p.precision());
    }

    /** The partition's precision, and how many of its nodes run at one of their own ("int8 +2 mixed"). */
    private String precisionText(PartitionStats s) {
        Partition p = s.catchAll() ? session.plan().rest() : session.plan().partition(s.name());
        String own = s.precision().isEmpty() ? "default" : s.precision();
        int mixed = p == null ? 0 : p.precisions().size();
        return mixed == 0 ? own : own + " +" + mixed + " mixed";
    }

    /** The partition of the first selected row (the catch-all included), or null. */
    private Partition selectedPartition() {
        PartitionStats s = table.getSelectionModel().getSelectedItem();
        if (s == null) return null;
        Plan plan = session.plan();
        return s.catchAll() ? plan.rest() : plan.partition(s.name());
    }

    private void assignDevice(String d) {
        Partition p = selectedPartition();
        if (p != null) session.apply(new PlanEdit.AssignDevice(p.name(), d));
    }

    private void rename() {
        Partition p = selectedPartition();
        if (p == null) {
            session.error("select the partition to rename in the table");
            return;
        }
        TextInputDialog d = new TextInputDialog(p.name());
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        d.setTitle("Rename partition");
        d.setHeaderText("New name for partition " + p.name());
        d.getDialogPane().setId("rename-dialog");
        Optional<String> name = d.showAndWait();
        name.ifPresent(n -> {
            if (session.apply(new PlanEdit.Rename(p.name(), n))) selectPartition(n.strip());
        });
    }

    private void merge() {
        List<String> names = table.getSelectionModel().getSelectedItems().stream().filter(s -> !s.catchAll())
                .map(PartitionStats::name).toList();
        if (names.size() < 2) {
            session.error("select two or more partitions (not the catch-all) to merge");
            return;
        }
        List<PlanEdit> merges = new ArrayList<>();
        for (int i = 1; i < names.size(); i++) merges.add(new PlanEdit.Merge(names.get(0), names.get(i)));
        PlanEdit edit = merges.size() == 1 ? merges.get(0)
                : new PlanEdit.Sequence("Merge " + String.join(", ", names.subList(1, names.size())) + " into " + names.get(0), merges);
        if (session.apply(edit)) selectPartition(names.get(0));
    }

    private void split() {
        Partition p = selectedPartition();
        if (p == null || p == session.plan().rest()) {
            session.error("select the partition to split in the table (the catch-all lists no nodes)");
            return;
        }
        java.util.Set<String> members = p.nodeIds();
        List<String> cut = session.selectedNodeIds().stream().filter(members::contains).toList();
        if (cut.isEmpty()) {
            session.error("select the nodes of " + p.name() + " that should form the new partition");
            return;
        }
        String name = SelectionEdits.newName(session.plan());
        if (session.apply(new PlanEdit.Split(p.name(), cut, name))) selectPartition(name);
    }

    private void delete() {
        List<String> names = table.getSelectionModel().getSelectedItems().stream().filter(s -> !s.catchAll())
                .map(PartitionStats::name).toList();
        if (names.isEmpty()) {
            session.error("select the partitions to delete (the catch-all cannot be deleted)");
            return;
        }
        List<PlanEdit> deletes = names.stream().<PlanEdit>map(PlanEdit.Delete::new).toList();
        session.apply(deletes.size() == 1 ? deletes.get(0) : new PlanEdit.Sequence("Delete partitions " + String.join(", ", names), deletes));
    }
}
