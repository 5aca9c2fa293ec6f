package org.npustudio.partition.editor.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.CodeArea;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.MultiSelect;
import org.npustudio.ir.Model;
import org.npustudio.partition.editor.model.BuiltInDevices;
import org.npustudio.partition.editor.model.RecoveryStore;
import org.npustudio.partition.editor.overlay.PartitionOverlay;
import org.npustudio.plan.ModelRef;
import org.npustudio.plan.Plan;
import org.npustudio.plan.ValidationReport;
import org.npustudio.plan.yaml.DevicesYaml;

/**
 * The partition editor for one open model: toolbar, graph view with multi-selection and the partition
 * overlay, the partitions / issues / devices panels below it, the live YAML on the right and a status
 * line with the validation result. The owner supplies laid-out scenes through {@link #graphView()}.
 * Ctrl+Z / Ctrl+Shift+Z undo and redo plan edits (inside the YAML text they edit the text), Ctrl+S saves.
 */
public final class PartitionWorkspace extends BorderPane {
    private final PartitionSession session;
    private final GraphView view = new GraphView();
    private final MultiSelect multi;
    private final PlanDocument document;
    private final PlanActions actions;
    private final SelectionEdits edits;
    private final Autosaver autosaver;
    private final PartitionTable table;
    private final YamlPane yaml;
    private final Label validation = new Label();
    private final Label message = new Label();
    private final TabPane panels;
    private final IssueList issues;

    public PartitionWorkspace(Model model, Path modelFile, ModelRef ref, RecoveryStore recovery) {
        DevicesYaml.Loaded d = BuiltInDevices.load();
        session = new PartitionSession(model, modelFile, ref, Plan.empty(ref, d.devices(), d.defaultDevice()));
        setId("partition-workspace");
        getStyleClass().add("partition-workspace");
        getStylesheets().add(PartitionWorkspace.class.getResource("partition-editor.css").toExternalForm());
        view.graphProperty().set(model.graph());
        // The view's own inspector column is narrower here: the editor's panels and YAML need the room.
        view.setSideArea("partition.inspector", 0.8);
        multi = MultiSelect.install(view, session.selection());
        document = new PlanDocument(session, recovery, this);
        actions = new PlanActions(session, this);
        autosaver = new Autosaver(session, recovery);
        edits = new SelectionEdits(session);

        table = new PartitionTable(session, this::showNodes);
        issues = new IssueList(session, this::showNodes);
        DeviceList devices = new DeviceList(session, actions::loadDevices, actions::builtInDevices);
        panels = new TabPane(tab("Partitions", "tab-partitions", table), tab("Issues", "tab-issues", issues),
                tab("Devices", "tab-devices", devices));
        panels.setId("partition-panels");
        panels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        session.revisionProperty().addListener((o, was, now) -> panels.getTabs().get(1).setText(issuesTitle()));
        panels.getTabs().get(1).setText(issuesTitle());
        SplitPane left = new SplitPane(view, panels);
        left.setOrientation(Orientation.VERTICAL);
        org.npustudio.graphview.ui.SplitMemory.remember(left, "partition.panels", 0.72);
        yaml = new YamlPane(session);
        SplitPane main = new SplitPane(left, yaml);
        org.npustudio.graphview.ui.SplitMemory.remember(main, "partition.yaml", 0.76);
        SplitPane.setResizableWithParent(yaml, false);

        QueryBar query = new QueryBar(edits);
        query.setVisible(false);
        query.setManaged(false);
        VBox top = new VBox(new PartitionToolbar(session, multi, edits, actions, on -> {
            query.setVisible(on);
            query.setManaged(on);
        }), query);
        recovery.find(ref).ifPresent(r -> top.getChildren().add(0, new RecoveryBanner(session, recovery, r)));
        setTop(top);
        setCenter(main);
        setBottom(statusLine());

        session.revisionProperty().addListener((o, was, now) -> showPlan());
        session.messageProperty().addListener((o, was, now) -> {
            message.setText(now.text());
            message.getStyleClass().remove("partition-message-error");
            if (now.error()) message.getStyleClass().add("partition-message-error");
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        showPlan();
        autosaver.start();
    }

    public PartitionSession session() { return session; }

    /** The editor's graph view; its owner sets the laid-out scene (and re-lays out on its toggles). */
    public GraphView graphView() { return view; }


    public PlanDocument document() { return document; }

    public PlanActions actions() { return actions; }

    /** Runs the selected nodes at {@code precision} (a key such as {@code int4w8a}; empty: their partition's). */
    public boolean assignPrecisionToSelection(String precision) { return edits.assignPrecision(precision); }

    SelectionEdits edits() { return edits; }

    PartitionTable table() { return table; }

    YamlPane yaml() { return yaml; }

    /** Writes the autosave copy now if the plan changed since the last one. */
    public boolean autosaveNow() { return autosaver.saveNow(); }

    /** True when the workspace may go away (saved, or the user chose Save or Don't Save). */
    public boolean confirmClose() { return document.confirmDiscard(); }

    /** Stops the autosave timer (the model is being closed). */
    public void dispose() { autosaver.stop(); }

    private void showNodes(List<String> ids) { ViewFocus.show(view, session.selection(), ids); }

    private void showPlan() {
        view.overlayProperty().set(PartitionOverlay.build(session.editor().binding(), session.editor().report()));
        ValidationReport r = session.editor().report();
        int parts = session.plan().partitions().size();
        String head = r.isLegal() ? "✓ Legal" : "✗ " + r.errors().size() + (r.errors().size() == 1 ? " error" : " errors");
        validation.setText(head + " · " + parts + (parts == 1 ? " partition" : " partitions") + " + " + session.plan().rest().name()
                + (r.warnings().isEmpty() ? "" : " · " + r.warnings().size() + " warnings")
                + String.format(" · validated in %.2f ms", r.nanos() / 1e6) + (r.isLegal() ? "" : " — click to show"));
        validation.setTooltip(r.isLegal() ? null : new javafx.scene.control.Tooltip(r.errors().get(0).toString()));
        validation.getStyleClass().removeAll("validation-legal", "validation-illegal");
        validation.getStyleClass().add(r.isLegal() ? "validation-legal" : "validation-illegal");
    }

    /** Opens the Issues panel on the first error (its nodes selected and in view); false when the plan is legal. */
    public boolean showFirstProblem() {
        ValidationReport r = session.editor().report();
        if (r.isLegal()) return false;
        panels.getSelectionModel().select(1);
        issues.getSelectionModel().select(r.errors().get(0));
        return true;
    }

    private String issuesTitle() {
        ValidationReport r = session.editor().report();
        return r.issues().isEmpty() ? "Issues" : "Issues (" + r.errors().size() + " ✗, " + r.warnings().size() + " ⚠)";
    }

    private HBox statusLine() {
        validation.setId("partition-validation");
        validation.setOnMouseClicked(e -> showFirstProblem());
        message.setId("partition-message");
        message.getStyleClass().add("partition-message");
        Label doc = new Label();
        doc.setId("partition-document");
        Runnable docText = () -> doc.setText((session.documentProperty().get() == null ? "unsaved plan"
                : session.documentProperty().get().getFileName().toString()) + (session.dirtyProperty().get() ? " •" : ""));
        session.documentProperty().addListener((o, was, now) -> docText.run());
        session.dirtyProperty().addListener((o, was, now) -> docText.run());
        docText.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, validation, spacer, message, doc);
        bar.getStyleClass().add("partition-status");
        bar.setPadding(new Insets(3, 8, 3, 8));
        return bar;
    }

    private void keys(KeyEvent e) {
        if (!e.isShortcutDown()) return;
        boolean inText = getScene() != null && getScene().getFocusOwner() instanceof CodeArea;
        if (e.getCode() == KeyCode.S) {
            document.save();
            e.consume();
        } else if (inText) {
            return;   // the YAML text has its own undo
        } else if (e.getCode() == KeyCode.Z && e.isShiftDown() || e.getCode() == KeyCode.Y) {
            session.redo();
            e.consume();
        } else if (e.getCode() == KeyCode.Z) {
            session.undo();
            e.consume();
        }
    }

    private static Tab tab(String title, String id, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }
}
