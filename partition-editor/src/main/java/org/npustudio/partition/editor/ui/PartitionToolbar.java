package org.npustudio.partition.editor.ui;

import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.npustudio.graphview.ui.Buttons;
import org.npustudio.graphview.ui.MultiSelect;
import org.npustudio.plan.Partition;

/**
 * The editor's toolbar: drag tool (pan, rectangle, lasso), convex grow/shrink, the query bar toggle,
 * partition edits from the selection, undo/redo and the whole-plan actions.
 */
final class PartitionToolbar extends ToolBar {
    PartitionToolbar(PartitionSession session, MultiSelect multi, SelectionEdits edits, PlanActions actions, Consumer<Boolean> showQuery) {
        setId("partition-toolbar");
        ToggleGroup tools = new ToggleGroup();
        ToggleButton pan = tool("Pan", "tool-pan", "Drag pans; Shift+drag draws a selection band, Shift/Ctrl+click adds/toggles", tools, multi, MultiSelect.Tool.PAN);
        ToggleButton rect = tool("Band", "tool-rectangle", "Drag selects the nodes in a rectangle (Shift adds, Ctrl removes)", tools, multi, MultiSelect.Tool.RECTANGLE);
        ToggleButton lasso = tool("Lasso", "tool-lasso", "Drag a free-hand outline around nodes (Shift adds, Ctrl removes)", tools, multi, MultiSelect.Tool.LASSO);
        pan.setSelected(true);
        tools.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) was.setSelected(true);   // one tool is always active
        });
        Button grow = Buttons.tool("Grow", "select-grow", "Grow the selection to its convex closure: add every node on a path between selected nodes", edits::grow);
        Button shrink = Buttons.tool("Shrink", "select-shrink", "Shrink the selection to a convex set: drop selected nodes reached through unselected ones", edits::shrink);
        ToggleButton query = new ToggleButton("Query");
        query.setId("select-query");
        query.setTooltip(new Tooltip("Select by op type, name pattern or name scope"));
        query.setFocusTraversable(false);
        query.selectedProperty().addListener((o, was, now) -> showQuery.accept(now));
        Label count = new Label();
        count.setId("selection-count");
        count.getStyleClass().add("selection-count");
        session.selection().keysProperty().addListener((o, was, now) -> count.setText(now.isEmpty() ? "" : now.size() + " selected"));

        Button create = Buttons.tool("New partition", "partition-create", "Make a partition of the selected nodes", edits::createPartition);
        MenuButton addTo = new MenuButton("Add to");
        addTo.setId("partition-add-to");
        addTo.setTooltip(new Tooltip("Move the selected nodes into a partition"));
        addTo.setOnShowing(e -> {
            addTo.getItems().clear();
            for (Partition p : session.plan().partitions()) {
                MenuItem i = new MenuItem(p.name() + " (" + p.device() + ")");
                i.setOnAction(x -> edits.addTo(p.name()));
                addTo.getItems().add(i);
            }
            if (addTo.getItems().isEmpty()) addTo.getItems().add(disabled("no partitions yet"));
        });
        Button remove = Buttons.tool("Remove", "partition-remove-nodes", "Take the selected nodes out of their partitions", edits::removeFromPartitions);
        for (ButtonBase b : new ButtonBase[] {grow, shrink, create, remove}) b.disableProperty().bind(session.selection().keysProperty().map(k -> k.isEmpty()));
        addTo.disableProperty().bind(session.selection().keysProperty().map(k -> k.isEmpty()));

        Button undo = Buttons.tool("Undo", "partition-undo", "Undo (Ctrl+Z)", session::undo);
        undo.disableProperty().bind(session.canUndoProperty().not());
        Button redo = Buttons.tool("Redo", "partition-redo", "Redo (Ctrl+Shift+Z)", session::redo);
        redo.disableProperty().bind(session.canRedoProperty().not());
        session.revisionProperty().addListener((o, was, now) -> {
            String u = session.editor().undoLabel(), r = session.editor().redoLabel();
            undo.setTooltip(new Tooltip(u == null ? "Undo (Ctrl+Z)" : "Undo " + u + " (Ctrl+Z)"));
            redo.setTooltip(new Tooltip(r == null ? "Redo (Ctrl+Shift+Z)" : "Redo " + r + " (Ctrl+Shift+Z)"));
        });

        MenuButton auto = new MenuButton("Auto");
        auto.setId("partition-auto");
        auto.setTooltip(new Tooltip("Auto-partition: supported ops to the NPU in maximal convex partitions, the rest to the default device"));
        MenuItem withPlan = new MenuItem("With the plan's devices");
        withPlan.setId("partition-auto-plan-devices");
        withPlan.setOnAction(e -> actions.autoPartition());
        MenuItem withFile = new MenuItem("With devices from a file…");
        withFile.setOnAction(e -> actions.autoPartitionWithDevicesFile());
        auto.getItems().addAll(withPlan, withFile);
        Button optimise = Buttons.tool("Optimise…", "partition-optimise",
                "Optimise plan: devices and fusion groups by simulated cost, shown as a diff against this plan", () -> actions.optimise());
        optimise.disableProperty().bind(session.workingProperty());
        Button export = Buttons.tool("Export", "partition-export", "Export partitions: write each partition as an ONNX model, plus plan.yaml, into a folder", actions::exportPartitions);
        Button check = Buttons.tool("Check", "partition-check", "Check with ONNX Runtime: run the model and the chained partitions and compare the outputs", () -> actions.check());
        export.disableProperty().bind(session.workingProperty());
        check.disableProperty().bind(session.workingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(pan, rect, lasso, sep(), grow, shrink, query, sep(), create, addTo, remove, sep(), undo, redo,
                sep(), auto, optimise, export, check, spacer, count);
    }

    private static ToggleButton tool(String text, String id, String tip, ToggleGroup g, MultiSelect multi, MultiSelect.Tool t) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(g);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.selectedProperty().addListener((o, was, now) -> {
            if (now) multi.toolProperty().set(t);
        });
        multi.toolProperty().addListener((o, was, now) -> b.setSelected(now == t));
        return b;
    }

    private static MenuItem disabled(String text) {
        MenuItem i = new MenuItem(text);
        i.setDisable(true);
        return i;
    }

    private static Separator sep() { return new Separator(Orientation.VERTICAL); }
}
