package org.npustudio.app.ui.diff;

import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.npustudio.app.ui.ErrorDialog;
import org.npustudio.diff.IrTextDiff;
import org.npustudio.diff.ModelDiff;
import org.npustudio.diff.NodeDiff;
import org.npustudio.diff.NodeState;
import org.npustudio.error.StudioException;
import org.npustudio.graphview.diff.DiffOverlays;
import org.npustudio.graphview.diff.MergedGraph;
import org.npustudio.graphview.layout.LayoutMonitor;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.LaidOutScene;
import org.npustudio.graphview.scene.SceneBuilder;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.Workers;

/**
 * The visual pass diff: the pass list on the left; before and after side by side (synchronised pan,
 * zoom and selection) or one merged view with deleted nodes ghosted; the IR text diff below, synchronised
 * with the graph selection both ways. Layouts are computed on a worker thread and chained so nodes a
 * pass leaves alone stay where they were; stepping from pass to pass keeps the viewport.
 */
public final class PassDiffView extends BorderPane {
    public enum Mode { SIDE_BY_SIDE, MERGED }

    private final DiffSession session;
    private final PassList passes;
    private final SideBySidePane sideBySide = new SideBySidePane();
    private final GraphView merged = new GraphView();
    private final IrDiffPane ir = new IrDiffPane();
    private final Label heading = new Label();
    private final Label banner = new Label();
    private final StackPane graphArea = new StackPane();
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SIDE_BY_SIDE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final BooleanProperty showInitializers = new SimpleBooleanProperty(this, "showInitializers", false);
    private final BooleanProperty horizontal = new SimpleBooleanProperty(this, "horizontal", false);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ExecutorService worker = Workers.single("pass-diff-layout");
    private DiffStep shown;
    private volatile long request;
    private String selectedOld, selectedNew;
    private boolean syncing;

    public PassDiffView(DiffSession session) {
        this.session = session;
        this.passes = new PassList(session.steps());
        setId("pass-diff-view");
        getStyleClass().add("pass-diff-view");
        getStylesheets().add(PassDiffView.class.getResource("diff-view.css").toExternalForm());
        merged.setId("diff-merged");

        heading.setId("diff-heading");
        heading.getStyleClass().add("diff-heading");
        banner.setId("diff-banner");
        banner.getStyleClass().add("diff-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setVisible(false);

        graphArea.getChildren().setAll(sideBySide);
        VBox graphs = new VBox(banner, graphArea);
        VBox.setVgrow(graphArea, Priority.ALWAYS);
        SplitPane centre = new SplitPane(graphs, ir);
        centre.setOrientation(Orientation.VERTICAL);
        org.npustudio.graphview.ui.SplitMemory.remember(centre, "diff.ir", 0.75);
        SplitPane main = new SplitPane(passes, centre);
        org.npustudio.graphview.ui.SplitMemory.remember(main, "diff.passes", 0.17);
        SplitPane.setResizableWithParent(passes, false);
        setTop(toolBar());
        setCenter(main);

        for (GraphView v : views()) {
            v.showInitializersProperty().bindBidirectional(showInitializers);
            v.horizontalProperty().bindBidirectional(horizontal);
        }
        showInitializers.addListener((o, was, now) -> settingsChanged());
        horizontal.addListener((o, was, now) -> settingsChanged());
        installSelectionSync();
        passes.listView().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) show(now);
        });
        mode.addListener((o, was, now) -> modeChanged());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP) {
                passes.step(e.getCode() == KeyCode.PAGE_DOWN ? 1 : -1);
                e.consume();
            }
        });
        if (session.failure() != null) heading.setText("Pipeline stopped: " + session.failure());
        DiffStep first = session.steps().stream().filter(s -> s.changed() || s.kind() != DiffStep.Kind.PASS).findFirst()
                .orElse(session.steps().isEmpty() ? null : session.steps().get(0));
        if (first != null) passes.select(first);
        Platform.runLater(() -> passes.listView().requestFocus());
    }

    public DiffSession session() { return session; }

    public ObjectProperty<Mode> modeProperty() { return mode; }

    /** True while layouts for the selected step are being computed. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public boolean isBusy() { return busy.get(); }

    /** The step on screen (its layouts may still be on their way, see {@link #isBusy}). */
    public DiffStep shownStep() { return shown; }

    public GraphView beforeView() { return sideBySide.before(); }

    public GraphView afterView() { return sideBySide.after(); }

    public GraphView mergedView() { return merged; }

    public BooleanProperty hideUnchangedProperty() { return passes.hideUnchangedProperty(); }

    /** Shows the given step (as if clicked in the pass list). */
    public void select(DiffStep s) { passes.select(s); }

    /** Selects the next (+1) or previous (-1) pass in the list; false at either end. */
    public boolean stepPasses(int direction) { return passes.step(direction); }

    /** The steps the pass list shows now (after "hide passes that changed nothing"). */
    public List<DiffStep> visibleSteps() { return List.copyOf(passes.listView().getItems()); }

    /** The IR diff lines on screen. */
    public List<IrTextDiff.Line> irLines() { return ir.lines(); }

    /** The IR pane's caret line, or -1. */
    public int irCaretLine() { return ir.caretLine(); }

    /** Puts the IR caret on a line as a click would (selects that node in the graphs). */
    public void chooseIrLine(int line) {
        ir.area().moveTo(line, 0);
    }

    /** Adds a control to the toolbar before the step's heading, so it stays visible (e.g. a lesson's "save this result"). */
    public void addToolbarItem(javafx.scene.Node item) {
        List<javafx.scene.Node> items = ((ToolBar) getTop()).getItems();
        items.add(items.indexOf(heading), item);
        items.add(items.indexOf(heading), new Separator(Orientation.VERTICAL));
    }

    /** Stops the layout worker (the window closes). */
    public void dispose() { worker.shutdownNow(); }

    // ---- showing a step ---------------------------------------------------------------------------------

    private void show(DiffStep s) {
        shown = s;
        long token = ++request;
        heading.setText(headingText(s));
        banner.getStyleClass().removeAll("diff-banner-error", "diff-banner-info");
        if (s.error() != null) {
            banner.setText(s.error() + "  \u2014  showing the last good graph, from before this pass.");
            banner.getStyleClass().add("diff-banner-error");
            banner.setVisible(true);
        } else if (s.kind() == DiffStep.Kind.PASS && !s.changed()) {
            banner.setText("This pass changed nothing; the graph is shown as it was.");
            banner.getStyleClass().add("diff-banner-info");
            banner.setVisible(true);
        } else {
            banner.setVisible(false);
        }
        busy.set(true);
        for (GraphView v : views()) v.showBusy(progress, progressText, null);
        Mode m = mode.get();
        LayoutMonitor monitor = monitor();
        worker.submit(() -> {
            if (token != request) return; // the user has moved on; its layouts are done when needed
            try {
                LaidOutScene before = session.scene(s.before(), monitor);
                LaidOutScene after = session.scene(s.after(), monitor);
                LaidOutScene mergedScene = m == Mode.MERGED ? session.mergedScene(s, monitor) : null;
                List<IrTextDiff.Line> text = s.irText(); // matches the graphs here, off the FX thread
                Platform.runLater(() -> {
                    if (token == request) apply(s, before, after, mergedScene, text);
                });
            } catch (RuntimeException | OutOfMemoryError e) {
                Platform.runLater(() -> {
                    if (token == request) failed(e);
                });
            }
        });
    }

    private void apply(DiffStep s, LaidOutScene before, LaidOutScene after, LaidOutScene mergedScene, List<IrTextDiff.Line> text) {
        ModelDiff d = s.diff();
        heading.setText(headingText(s));
        syncing = true;
        try {
            put(sideBySide.before(), s.before().graph(), before.scene(), DiffOverlays.before(d), k -> DiffInspectorRows.of(d.forOld(k)));
            put(sideBySide.after(), s.after().graph(), after.scene(), DiffOverlays.after(d), k -> DiffInspectorRows.of(d.forNew(k)));
            sideBySide.setTitles(beforeTitle(s), afterTitle(s));
            sideBySide.setMatches(MatchedPositions.of(d, before.scene(), after.scene()));
            if (mergedScene != null) putMerged(s, mergedScene);
            ir.show(text);
        } finally {
            syncing = false;
        }
        restoreSelection(s);
        sideBySide.follow(sideBySide.after(), sideBySide.before(), -1);
        for (GraphView v : views()) v.hideBusy();
        busy.set(false);
    }

    private void putMerged(DiffStep s, LaidOutScene scene) {
        MergedGraph mg = s.merged();
        ModelDiff d = s.diff();
        put(merged, mg.graph(), scene.scene(), DiffOverlays.merged(d, mg),
                k -> DiffInspectorRows.of(mg.isGhost(k) ? d.forOld(mg.oldIdOf(k)) : d.forNew(k)));
    }

    /** Puts a scene into a view, keeping its viewport when it already showed one (stepping through passes). */
    private static void put(GraphView v, org.npustudio.ir.Graph graph, GraphScene scene, org.npustudio.graphview.scene.Overlay overlay,
                            java.util.function.Function<String, List<org.npustudio.graphview.ui.InspectorRow>> extras) {
        // Keep the viewport unless the flow direction flipped (then the view starts afresh).
        boolean had = v.getGraphScene() != null && v.getGraphScene().horizontal() == scene.horizontal();
        double scale = v.canvas().viewport().scale(), tx = v.canvas().viewport().translateX(), ty = v.canvas().viewport().translateY();
        v.graphProperty().set(graph);
        v.inspectorExtrasProperty().set(extras);
        v.overlayProperty().set(overlay);
        v.setGraphScene(scene);
        if (had) {
            v.canvas().viewport().set(scale, tx, ty);
            v.canvas().viewportChanged();
        }
    }

    private void failed(Throwable e) {
        for (GraphView v : views()) v.hideBusy();
        busy.set(false);
        String message = StudioException.describe(e);
        banner.setText("Could not show this step: " + message);
        banner.getStyleClass().add("diff-banner-error");
        banner.setVisible(true);
    }

    private void modeChanged() {
        graphArea.getChildren().setAll(mode.get() == Mode.MERGED ? merged : sideBySide);
        if (shown != null) show(shown);
    }

    private void settingsChanged() {
        session.setSettings(new SceneBuilder.Settings(showInitializers.get(), horizontal.get()));
        if (shown != null) show(shown);
    }

    private LayoutMonitor monitor() {
        return new LayoutMonitor((phase, fraction) -> Platform.runLater(() -> {
            progress.set(fraction);
            progressText.set("Laying out: " + phase + "…");
        }));
    }

    private List<GraphView> views() { return List.of(sideBySide.before(), sideBySide.after(), merged); }

    // ---- texts --------------------------------------------------------------------------------------------

    /** The step's heading; the diff's summary only once the worker has matched the graphs (until then "comparing…"). */
    private static String headingText(DiffStep s) {
        ModelDiff d = s.diffIfComputed();
        String summary = d == null ? "comparing\u2026" : d.summary();
        return switch (s.kind()) {
            case COMPARISON -> s.name() + "  \u00B7  " + summary;
            case FAILED -> "Pass " + s.step() + " " + s.name() + " failed";
            case PASS -> "Pass " + s.step() + " " + s.name() + "  \u00B7  " + String.format("%.1f ms", s.millis()) + "  \u00B7  "
                    + (s.changed() ? summary : "no change");
        };
    }

    private static String beforeTitle(DiffStep s) {
        return s.kind() == DiffStep.Kind.COMPARISON ? "Before: " + s.name().split(" \u2192 ")[0] : "Before pass " + s.step() + " " + s.name();
    }

    private static String afterTitle(DiffStep s) {
        if (s.kind() == DiffStep.Kind.COMPARISON) return "After: " + s.name().substring(s.name().indexOf('\u2192') + 2);
        return s.kind() == DiffStep.Kind.FAILED ? "Last good graph (pass failed)" : "After pass " + s.step() + " " + s.name();
    }

    // ---- selection ----------------------------------------------------------------------------------------

    private void installSelectionSync() {
        sideBySide.before().selectionProperty().addListener((o, was, now) -> {
            if (!syncing && shown != null) select(now, shown.newIdForOld(now), sideBySide.before(), isDeleted(now));
        });
        sideBySide.after().selectionProperty().addListener((o, was, now) -> {
            if (!syncing && shown != null) select(shown.oldIdForNew(now), now, sideBySide.after(), false);
        });
        merged.selectionProperty().addListener((o, was, now) -> {
            if (syncing || shown == null) return;
            MergedGraph mg = shown.merged();
            if (now != null && mg.isGhost(now)) select(mg.oldIdOf(now), shown.newIdForOld(mg.oldIdOf(now)), merged, true);
            else select(shown.oldIdForNew(now), now, merged, false);
        });
        ir.setOnLineChosen(line -> {
            if (syncing || shown == null) return;
            String oldId = line.oldId() != null ? line.oldId() : shown.oldIdForNew(line.newId());
            String newId = line.newId() != null ? line.newId() : shown.newIdForOld(line.oldId());
            select(oldId, newId, ir, line.newId() == null);
        });
    }

    /**
     * Makes every pane other than {@code source} show the node (old id on the before side, new id after).
     * {@code deletedChosen}: the user picked a node that is gone (its old line and ghost are what to show).
     */
    private void select(String oldId, String newId, Object source, boolean deletedChosen) {
        selectedOld = oldId;
        selectedNew = newId;
        syncing = true;
        try {
            boolean fromText = source == ir;
            if (source != sideBySide.before()) choose(sideBySide.before(), inGraph(oldId, shown.before().graph()), fromText);
            if (source != sideBySide.after()) choose(sideBySide.after(), inGraph(newId, shown.after().graph()), fromText);
            if (source != merged && mode.get() == Mode.MERGED && merged.getGraphScene() != null) {
                choose(merged, mergedKey(oldId, newId, deletedChosen), fromText);
            }
            if (!fromText) ir.reveal(oldId, newId, deletedChosen);
        } finally {
            syncing = false;
        }
    }

    private static void choose(GraphView v, String key, boolean reveal) {
        if (reveal && key != null) v.reveal(key);
        else v.selectionProperty().set(key);
    }

    /** In the merged view a chosen deleted node is its ghost; anything else is its new id. */
    private String mergedKey(String oldId, String newId, boolean deletedChosen) {
        String live = inGraph(newId, shown.after().graph());
        if (isDeleted(oldId) && (deletedChosen || live == null)) return shown.merged().ghostIdOf(oldId);
        return live;
    }

    private boolean isDeleted(String oldId) {
        NodeDiff d = oldId == null ? null : shown.diff().forOld(oldId);
        return d != null && d.state() == NodeState.DELETED;
    }

    private static String inGraph(String id, org.npustudio.ir.Graph g) {
        return id != null && g.nodeById(id) != null ? id : null;
    }

    /** After a step change: the node selected before, by its id on either side, if it still exists. */
    private void restoreSelection(DiffStep s) {
        String newId = inGraph(selectedNew, s.after().graph());
        String oldId = inGraph(selectedOld, s.before().graph());
        if (oldId == null) oldId = inGraph(selectedNew, s.before().graph());
        if (newId == null && oldId != null) newId = s.newIdForOld(oldId);
        if (oldId == null && newId != null) oldId = s.oldIdForNew(newId);
        if (oldId != null || newId != null) select(oldId, newId, this, newId == null);
    }

    // ---- toolbar ------------------------------------------------------------------------------------------

    private ToolBar toolBar() {
        ToggleGroup modes = new ToggleGroup();
        ToggleButton side = modeButton("Side by side", "diff-mode-side", "Before and after next to each other, moving together", Mode.SIDE_BY_SIDE, modes);
        ToggleButton one = modeButton("Merged", "diff-mode-merged", "One graph: deleted nodes ghosted in red, new ones green", Mode.MERGED, modes);
        side.setSelected(true);
        modes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) was.setSelected(true);
            else mode.set((Mode) now.getUserData());
        });
        mode.addListener((o, was, now) -> (now == Mode.MERGED ? one : side).setSelected(true));
        Button previous = new Button("\u25B2 Previous pass");
        previous.setId("diff-previous");
        previous.setTooltip(new Tooltip("Previous pass (Up in the pass list, or Page Up)"));
        previous.setOnAction(e -> passes.step(-1));
        Button next = new Button("Next pass \u25BC");
        next.setId("diff-next");
        next.setTooltip(new Tooltip("Next pass (Down in the pass list, or Page Down)"));
        next.setOnAction(e -> passes.step(1));
        for (Button b : List.of(previous, next)) b.setFocusTraversable(false);
        boolean stepping = !session.isComparison();
        previous.setVisible(stepping);
        next.setVisible(stepping);
        ToolBar bar = new ToolBar(side, one, new Separator(Orientation.VERTICAL), previous, next, new Separator(Orientation.VERTICAL), heading);
        bar.setId("diff-toolbar");
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private static ToggleButton modeButton(String text, String id, String tip, Mode m, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setUserData(m);
        b.setToggleGroup(group);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }
}
