package org.npustudio.graphview.ui;

import java.util.BitSet;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.GraphSearch;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.scene.SceneGroup;
import org.npustudio.graphview.scene.SceneNavigator;
import org.npustudio.graphview.scene.SceneStyle;
import org.npustudio.graphview.scene.SceneTheme;
import org.npustudio.ir.Graph;

/**
 * The graph view control: canvas with pan (drag, scroll) and zoom (wheel to the cursor, pinch), a minimap,
 * keyboard navigation along producers/consumers, search (Ctrl+F, Enter cycles through hits) and an
 * inspector. The owner supplies laid-out {@link GraphScene}s: toggling initializers or the flow direction
 * only changes {@link #showInitializersProperty()} / {@link #horizontalProperty()}, and the owner lays the
 * graph out again and sets the new scene (layout belongs off the FX thread; see {@link #showBusy}).
 * The selection (a node key) and the overlay are observable properties for the profiler and partition editor.
 * Name-scope groups open and close through the owner's {@link GroupExpander} (see {@link GroupToggles}).
 * For presenting: a {@link SceneTheme} (colours, and a scale that thickens strokes and zooms the view by the
 * same factor), a spotlight (everything but the selection or a chosen region dimmed) and a laser pointer.
 */
public class GraphView extends BorderPane {
    private final ObjectProperty<GraphScene> scene = new SimpleObjectProperty<>(this, "scene");
    private final ObjectProperty<Graph> graph = new SimpleObjectProperty<>(this, "graph");
    private final ObjectProperty<Overlay> overlay = new SimpleObjectProperty<>(this, "overlay", Overlay.NONE);
    private final ObjectProperty<String> selection = new SimpleObjectProperty<>(this, "selection");
    private final BooleanProperty showInitializers = new SimpleBooleanProperty(this, "showInitializers", false);
    private final BooleanProperty horizontal = new SimpleBooleanProperty(this, "horizontal", false);
    private final BooleanProperty edgeLabels = new SimpleBooleanProperty(this, "edgeLabels", false);
    private final ObjectProperty<java.util.function.Function<String, List<InspectorRow>>> inspectorExtras =
            new SimpleObjectProperty<>(this, "inspectorExtras");
    private final BooleanProperty sidePanelShown = new SimpleBooleanProperty(this, "sidePanelShown", true);
    private final ObjectProperty<SceneTheme> theme = new SimpleObjectProperty<>(this, "theme", SceneTheme.STANDARD);
    private final BooleanProperty spotlight = new SimpleBooleanProperty(this, "spotlight", false);
    private final ObjectProperty<java.util.Set<String>> spotlightRegion = new SimpleObjectProperty<>(this, "spotlightRegion", java.util.Set.of());
    private final BooleanProperty pointer = new SimpleBooleanProperty(this, "pointer", false);

    private final GraphCanvas canvas = new GraphCanvas();
    private final Minimap minimap = new Minimap(canvas);
    private final Inspector inspector = new Inspector();
    private final BusyOverlay busy = new BusyOverlay();
    private final GroupToggles groupToggles = new GroupToggles(canvas);
    private final TextField searchField = new TextField();
    private final Label searchCount = new Label();
    private final Label zoomLabel = new Label();
    private final ListView<GraphSearch.Hit> results = new ListView<>();
    private final StackPane stage;
    private final SplitPane sideSplit = new SplitPane();
    private String sideArea = "graph.inspector";
    private GraphSearch search;
    private String lastQuery = "";
    private int hitCursor = -1;
    private SceneNavigator navigator;
    private boolean fitPending = true;
    private double pressX, pressY, lastX, lastY;
    private boolean dragging;

    /** The graph's share of the width beside the search and inspector panel, until the user drags the splitter. */
    private static final double GRAPH_SHARE = 0.76;

    public GraphView() {
        setId("graph-view");
        getStyleClass().add("graph-view");
        getStylesheets().add(GraphView.class.getResource("graph-view.css").toExternalForm());
        canvas.setId("graph-canvas");
        canvas.setOnViewportChanged(this::viewportMoved);
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(0, 12, 12, 0));
        zoomLabel.getStyleClass().add("graph-zoom-label");
        zoomLabel.setId("graph-zoom");
        zoomLabel.setMouseTransparent(true);
        StackPane.setAlignment(zoomLabel, Pos.BOTTOM_LEFT);
        StackPane.setMargin(zoomLabel, new Insets(0, 0, 10, 12));
        stage = new StackPane(canvas, zoomLabel, minimap, busy);
        stage.getStyleClass().add("graph-stage");
        stage.setMinSize(0, 0);
        LaserPointer laser = new LaserPointer(canvas);
        addCanvasLayer(laser);

        VBox side = sidePanel();
        SplitPane split = sideSplit;
        split.getItems().setAll(stage, side);
        split.setOrientation(Orientation.HORIZONTAL);
        // The graph takes most of the width; the inspector's width is the user's (remembered).
        SplitMemory.remember(split, sideArea, GRAPH_SHARE);
        SplitPane.setResizableWithParent(side, false);
        sidePanelShown.addListener((o, was, now) -> {
            if (now && !split.getItems().contains(side)) {
                split.getItems().add(side);
                SplitMemory.remember(split, sideArea, GRAPH_SHARE);
            } else if (!now) split.getItems().remove(side);
        });
        setTop(toolBar());
        setCenter(split);

        scene.addListener((o, was, now) -> sceneChanged(was, now));
        graph.addListener((o, was, now) -> {
            inspector.forgetGraphs();
            search = null;
        });
        overlay.addListener((o, was, now) -> {
            canvas.setOverlay(now);
            minimap.redrawGraph();
        });
        selection.addListener((o, was, now) -> selectionChanged(now));
        theme.addListener((o, was, now) -> themeChanged(was, now, laser));
        pointer.addListener((o, was, now) -> laser.setOn(now));
        spotlight.addListener((o, was, now) -> updateSpotlight());
        spotlightRegion.addListener((o, was, now) -> updateSpotlight());
        inspectorExtras.addListener((o, was, now) -> selectionChanged(selection.get()));
        edgeLabels.addListener((o, was, now) -> canvas.setEdgeLabels(now));
        canvas.setEdgeLabels(edgeLabels.get());
        canvas.widthProperty().addListener((o, was, now) -> sizeChanged());
        canvas.heightProperty().addListener((o, was, now) -> sizeChanged());
        installMouse();
        installKeys();
    }

    // ---- properties -------------------------------------------------------------------------------------

    /** The laid-out graph being shown (named so as not to clash with {@link javafx.scene.Node#sceneProperty()}). */
    public ObjectProperty<GraphScene> graphSceneProperty() { return scene; }

    public GraphScene getGraphScene() { return scene.get(); }

    public void setGraphScene(GraphScene s) { scene.set(s); }

    /** The IR behind the scene (search and inspector read it); may be null. */
    public ObjectProperty<Graph> graphProperty() { return graph; }

    public ObjectProperty<Overlay> overlayProperty() { return overlay; }

    /** Key of the selected node (operator id or value name), or null. Writable: other tools may select. */
    public ObjectProperty<String> selectionProperty() { return selection; }

    public BooleanProperty showInitializersProperty() { return showInitializers; }

    public BooleanProperty horizontalProperty() { return horizontal; }

    public BooleanProperty edgeLabelsProperty() { return edgeLabels; }

    /** Whether the search and inspector panel is shown beside the canvas (a second, synchronised view may hide it). */
    public BooleanProperty sidePanelShownProperty() { return sidePanelShown; }

    /** Rows the inspector shows first for a selected node key (e.g. a diff's old → new changes); may be null. */
    public ObjectProperty<java.util.function.Function<String, List<InspectorRow>>> inspectorExtrasProperty() { return inspectorExtras; }

    public GraphCanvas canvas() { return canvas; }

    /** Colours and scale of the drawing; a new scale zooms the view by new/old about its centre. Never null. */
    public ObjectProperty<SceneTheme> themeProperty() { return theme; }

    /** Whether everything but {@link #spotlightRegionProperty()} (when empty: the selected node) is dimmed. */
    public BooleanProperty spotlightProperty() { return spotlight; }

    /** Node keys the spotlight shows (e.g. a lesson's region); empty: the selection. */
    public ObjectProperty<java.util.Set<String>> spotlightRegionProperty() { return spotlightRegion; }

    /** Whether a laser-pointer dot follows the mouse over the canvas. */
    public BooleanProperty pointerProperty() { return pointer; }

    /**
     * Names the window area this view's inspector splitter belongs to (its position is remembered per area) and
     * the graph's share of the width there until the user drags it (e.g. the partition editor's view).
     */
    public void setSideArea(String area, double graphShare) {
        sideArea = area;
        SplitMemory.remember(sideSplit, area, graphShare);
    }

    /** Who lays the graph out again when groups are opened or closed; without one groups stay as they are. */
    public void setGroupExpander(GroupExpander e) { groupToggles.setExpander(e); }

    /** Opens or closes the group with this scope path (as its toggle does), keeping it in place on screen. */
    public void toggleGroup(String path, boolean expand) {
        if (groupToggles.expander() != null) groupToggles.toggle(path, expand, expand ? null : SceneGroup.keyOf(path));
    }

    /** Puts a mouse-transparent layer right above the canvas, same size (e.g. a selection band). */
    public void addCanvasLayer(javafx.scene.Node layer) {
        layer.setMouseTransparent(true);
        stage.getChildren().add(1, layer);
    }

    /** Shows a progress panel over the graph (e.g. while the owner lays it out); cancel may be null. */
    public void showBusy(ObservableValue<? extends Number> progress, ObservableValue<String> message, Runnable cancel) {
        busy.show(progress, message, cancel);
    }

    public void hideBusy() { busy.hide(); }

    public boolean isBusy() { return busy.isVisible(); }

    /** The inspector's rows for the current selection (section headers included). */
    public List<InspectorRow> inspectorRows() { return List.copyOf(inspector.rows()); }

    /** Search hits of the last query, in the order Enter visits them. */
    public List<GraphSearch.Hit> searchHits() { return List.copyOf(results.getItems()); }

    // ---- navigation -----------------------------------------------------------------------------------

    public void fitToWindow() {
        if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
            fitPending = true;
            return;
        }
        fitPending = false;
        canvas.fitToView();
    }

    /**
     * The first view of a new graph: all of it when it fits at a readable zoom; otherwise (deep networks) its
     * beginning at the smallest readable zoom ({@link SceneStyle#DETAIL_ZOOM}, where titles and details still
     * draw), so the first screen holds as many readable nodes as it can: not 100 % on the first five nodes, not
     * a 4 % sliver of the whole. Across the flow it fits the graph when that is readable, else it centres on the
     * graph's inputs, so the view starts where one reads a model.
     */
    public void showStart() {
        GraphScene s = scene.get();
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (s == null || w <= 0 || h <= 0) {
            fitPending = true;
            return;
        }
        fitPending = false;
        double gw = s.maxX() - s.minX(), gh = s.maxY() - s.minY();
        double fit = Math.min((w - 40) / Math.max(1, gw), (h - 40) / Math.max(1, gh));
        double k = theme.get().scale();
        double readable = SceneStyle.DETAIL_ZOOM * k;
        if (fit >= readable) {
            canvas.fitToView(); // at most 1:1
            return;
        }
        boolean across = s.horizontal();
        canvas.viewport().set(readable, 0, 0);
        double crossFit = across ? (h - 40) / Math.max(1, gh) : (w - 40) / Math.max(1, gw);
        double cross = crossFit >= readable ? (across ? (s.minY() + s.maxY()) / 2 : (s.minX() + s.maxX()) / 2) : inputsCentre(s, across);
        if (across) {
            canvas.viewport().centerOn(s.minX() + (w / 2 - 20) / readable, cross, w, h);
        } else {
            canvas.viewport().centerOn(cross, s.minY() + (h / 2 - 20) / readable, w, h);
        }
        canvas.viewportChanged();
    }

    /** Where the graph's inputs sit across the flow (their mean centre); the first node when it has none. */
    private static double inputsCentre(GraphScene s, boolean across) {
        double sum = 0;
        int n = 0, first = 0;
        for (int i = 0; i < s.nodeCount(); i++) {
            if (s.kind(i) == org.npustudio.graphview.scene.NodeKind.INPUT) {
                sum += across ? s.centerY(i) : s.centerX(i);
                n++;
            }
            if ((across ? s.x(i) : s.y(i)) < (across ? s.x(first) : s.y(first))) first = i;
        }
        if (n > 0) return sum / n;
        return s.nodeCount() == 0 ? 0 : across ? s.centerY(first) : s.centerX(first);
    }

    /** Zooms so the selected node and its neighbourhood fill the view (at most 150 %, times the theme's scale). */
    public void zoomToSelection() {
        GraphScene s = scene.get();
        int i = selectedIndex();
        if (s == null || i < 0) return;
        // A presenter's larger scale shows less neighbourhood, so the node itself reads larger.
        double m = 120 / theme.get().scale();
        canvas.viewport().fit(s.x(i) - m, s.y(i) - m, s.x(i) + s.width(i) + m, s.y(i) + s.height(i) + m,
                canvas.getWidth(), canvas.getHeight(), 10, 1.5 * theme.get().scale());
        canvas.viewportChanged();
    }

    /** Multiplies the zoom, keeping the view centre fixed. */
    public void zoomBy(double factor) {
        canvas.viewport().zoomAbout(factor, canvas.getWidth() / 2, canvas.getHeight() / 2);
        canvas.viewportChanged();
    }

    /** Selects the node with this key and centres the view on it, opening the groups around it if need be. */
    public void reveal(String key) {
        if (groupToggles.reveal(key)) return;
        selection.set(key);
        centerOnSelection();
    }

    /** Puts the keyboard focus in the search field (Ctrl+F). */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** Runs a search as if typed into the search field and Enter pressed. */
    public void search(String text) {
        searchField.setText(text);
        searchNext(false);
    }

    private int selectedIndex() {
        GraphScene s = scene.get();
        return s == null || selection.get() == null ? -1 : s.indexOf(selection.get());
    }

    private void centerOnSelection() {
        GraphScene s = scene.get();
        int i = selectedIndex();
        if (s == null || i < 0) return;
        // Nodes should be readable when jumped to: come in to at least the zoom where titles show.
        double readable = 0.8 * theme.get().scale();
        if (canvas.viewport().scale() < readable) canvas.viewport().set(readable, 0, 0);
        canvas.viewport().centerOn(s.centerX(i), s.centerY(i), canvas.getWidth(), canvas.getHeight());
        canvas.viewportChanged();
    }

    /** Pans just enough to bring the selection into view (keyboard moves). */
    private void ensureSelectionVisible() {
        GraphScene s = scene.get();
        int i = selectedIndex();
        if (s == null || i < 0) return;
        double[] v = canvas.viewport().visibleWorld(canvas.getWidth(), canvas.getHeight());
        double m = 40 / canvas.viewport().scale();
        if (s.x(i) < v[0] + m || s.y(i) < v[1] + m || s.x(i) + s.width(i) > v[2] - m || s.y(i) + s.height(i) > v[3] - m) {
            canvas.viewport().centerOn(s.centerX(i), s.centerY(i), canvas.getWidth(), canvas.getHeight());
            canvas.viewportChanged();
        }
    }

    // ---- reactions --------------------------------------------------------------------------------------

    private void sceneChanged(GraphScene was, GraphScene now) {
        String keep = selection.get();
        canvas.setScene(now);
        navigator = now == null ? null : new SceneNavigator(now);
        search = null;
        minimap.redrawGraph();
        boolean flipped = was != null && now != null && was.horizontal() != now.horizontal();
        String revealed = now == null ? null : groupToggles.takeReveal(now);
        String collapsedTo = now == null ? null : groupToggles.takeSelection(now);
        if (revealed != null) {
            selection.set(revealed);
            selectionChanged(revealed);
            centerOnSelection();
        } else if (was != null && now != null && !flipped && groupToggles.keepAnchor(now)) {
            // A group was opened or closed: the view stays put; a selection now hidden passes to its group.
            if (keep != null && now.indexOf(keep) < 0) selection.set(collapsedTo);
            else selectionChanged(keep);
        } else if (was == null || flipped || keep == null || now == null || now.indexOf(keep) < 0) {
            showStart();
            if (keep != null && (now == null || now.indexOf(keep) < 0)) selection.set(null);
            else selectionChanged(keep);
        } else {
            // Same model laid out again (e.g. initializers toggled): stay on the selected node.
            selectionChanged(keep);
            centerOnSelection();
        }
        refreshSearch();
        updateSpotlight();
        viewportMoved();
    }

    /** Runs the last query again on a new scene, keeping the results list and the place in it. */
    private void refreshSearch() {
        String q = lastQuery;
        lastQuery = "";
        results.setItems(FXCollections.observableArrayList());
        canvas.setHits(new BitSet());
        searchCount.setText("");
        hitCursor = -1;
        if (q.isEmpty() || scene.get() == null) return;
        runQuery(q);
        List<GraphSearch.Hit> hits = results.getItems();
        for (int i = 0; i < hits.size(); i++) if (hits.get(i).key().equals(selection.get())) hitCursor = i;
        if (hitCursor >= 0) results.getSelectionModel().select(hitCursor);
        searchCount.setText(hitCursor >= 0 ? (hitCursor + 1) + " of " + hits.size() : hits.size() + (hits.size() == 1 ? " match" : " matches"));
    }

    private void runQuery(String q) {
        if (search == null) search = new GraphSearch(scene.get(), graph.get());
        List<GraphSearch.Hit> hits = search.find(q);
        lastQuery = q;
        results.setItems(FXCollections.observableArrayList(hits));
        BitSet marks = new BitSet();
        hits.forEach(h -> marks.set(h.node()));
        canvas.setHits(marks);
        hitCursor = -1;
    }

    private void selectionChanged(String key) {
        GraphScene s = scene.get();
        int i = s == null || key == null ? -1 : s.indexOf(key);
        canvas.setSelected(i);
        updateSpotlight();
        if (i < 0) inspector.clear();
        else inspector.show(s, i, graph.get(), inspectorExtras.get() == null ? List.of() : inspectorExtras.get().apply(key));
    }

    private void themeChanged(SceneTheme was, SceneTheme now, LaserPointer laser) {
        if (now == null) {
            theme.set(SceneTheme.STANDARD);
            return;
        }
        canvas.setTheme(now);
        laser.setRadius(9 * now.scale());
        double factor = now.scale() / (was == null ? 1 : was.scale());
        if (factor != 1 && scene.get() != null && canvas.getWidth() > 0) zoomBy(factor);
        else canvas.viewportChanged();
    }

    /** Scene indices the spotlight keeps bright: the region's nodes on this scene, else the selected node. */
    private void updateSpotlight() {
        GraphScene s = scene.get();
        BitSet lit = new BitSet();
        if (spotlight.get() && s != null) {
            for (String key : spotlightRegion.get() == null ? java.util.Set.<String>of() : spotlightRegion.get()) {
                int i = s.indexOf(key);
                if (i >= 0) lit.set(i);
            }
            if (spotlightRegion.get() == null || spotlightRegion.get().isEmpty()) {
                int i = selectedIndex();
                if (i >= 0) lit.set(i);
            }
        }
        canvas.setSpotlight(lit);
    }

    private void sizeChanged() {
        if (fitPending && scene.get() != null && canvas.getWidth() > 0 && canvas.getHeight() > 0) showStart();
        viewportMoved();
    }

    private void viewportMoved() {
        minimap.redrawFrame();
        zoomLabel.setText(Math.round(canvas.viewport().scale() * 100) + " %");
    }

    // ---- search -----------------------------------------------------------------------------------------

    private void searchNext(boolean backwards) {
        GraphScene s = scene.get();
        if (s == null) return;
        String q = searchField.getText() == null ? "" : searchField.getText().strip();
        if (!q.equals(lastQuery)) runQuery(q);
        int n = results.getItems().size();
        searchCount.setText(q.isEmpty() ? "" : n == 0 ? "no match" : n + (n == 1 ? " match" : " matches"));
        if (n == 0) return;
        hitCursor = backwards ? (hitCursor <= 0 ? n - 1 : hitCursor - 1) : (hitCursor + 1) % n;
        results.getSelectionModel().select(hitCursor);
        results.scrollTo(hitCursor);
        reveal(results.getItems().get(hitCursor).key());
        searchCount.setText((hitCursor + 1) + " of " + n);
    }

    private VBox sidePanel() {
        searchField.setId("graph-search");
        searchField.setPromptText("Search (regex): op, name, tensor, attribute");
        searchField.setOnAction(e -> searchNext(false));
        searchField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                searchNext(true);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
                searchNext(false);
                canvas.requestFocus();
                e.consume();
            }
        });
        HBox.setHgrow(searchField, Priority.ALWAYS);
        searchCount.setId("graph-search-count");
        searchCount.getStyleClass().add("graph-search-count");
        HBox searchRow = new HBox(6, searchField, searchCount);
        searchRow.setAlignment(Pos.CENTER_LEFT);

        results.setId("graph-search-results");
        results.setPrefHeight(140);
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(GraphSearch.Hit h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : h.title() + "  ·  " + h.matched());
            }
        });
        results.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            int i = now.intValue();
            if (i >= 0 && i != hitCursor && i < results.getItems().size()) {
                hitCursor = i;
                reveal(results.getItems().get(i).key());
                searchCount.setText((i + 1) + " of " + results.getItems().size());
            }
        });
        results.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(results.getItems()));
        results.itemsProperty().addListener((o, was, now) -> {
            results.visibleProperty().unbind();
            results.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(now));
        });
        results.managedProperty().bind(results.visibleProperty());

        VBox.setVgrow(inspector, Priority.ALWAYS);
        VBox side = new VBox(8, searchRow, results, inspector);
        side.setPadding(new Insets(8));
        side.getStyleClass().add("graph-side");
        side.setMinWidth(240);
        side.setPrefWidth(380);
        return side;
    }

    // ---- toolbar ----------------------------------------------------------------------------------------

    private ToolBar toolBar() {
        Button fit = Buttons.tool("Fit", "graph-fit", "Fit the whole graph in the window (F)", this::fitToWindow);
        Button out = Buttons.tool("−", "graph-zoom-out", "Zoom out (-)", () -> zoomBy(1 / 1.25));
        Button in = Buttons.tool("+", "graph-zoom-in", "Zoom in (+)", () -> zoomBy(1.25));
        Button actual = Buttons.tool("1:1", "graph-zoom-actual", "Actual size", () -> zoomBy(theme.get().scale() / canvas.viewport().scale()));
        Button toSel = Buttons.tool("Zoom to selection", "graph-zoom-selection", "Zoom to the selected node (Enter)", this::zoomToSelection);
        toSel.disableProperty().bind(selection.isNull());
        ToggleButton shapes = Buttons.toggle("Shapes on edges", "graph-toggle-shapes", "Label edges with tensor shapes when zoomed in", edgeLabels);
        ToggleButton inits = Buttons.toggle("Initializers", "graph-toggle-initializers", "Show constant inputs (weights) as nodes", showInitializers);
        ToggleButton across = Buttons.toggle("Left to right", "graph-toggle-horizontal", "Lay the graph out left to right", horizontal);
        Button expandAll = Buttons.tool("Expand all", "graph-expand-all", "Open every name-scope group", () -> allGroups(true));
        Button collapseAll = Buttons.tool("Collapse all", "graph-collapse-all", "Close every name-scope group", () -> allGroups(false));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(fit, out, in, actual, toSel, new Separator(Orientation.VERTICAL), shapes, inits, across,
                new Separator(Orientation.VERTICAL), expandAll, collapseAll, spacer);
        bar.setId("graph-toolbar");
        return bar;
    }

    private void allGroups(boolean expand) {
        if (groupToggles.expander() != null) groupToggles.expander().setAllExpanded(expand);
    }

    // ---- input ------------------------------------------------------------------------------------------

    private void installMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            canvas.requestFocus();
            pressX = lastX = e.getX();
            pressY = lastY = e.getY();
            dragging = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) < 3) return;
            dragging = true;
            canvas.setCursor(Cursor.CLOSED_HAND);
            canvas.viewport().panBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
            canvas.viewportChanged();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            canvas.setCursor(Cursor.DEFAULT);
            if (dragging || e.getButton() != MouseButton.PRIMARY) return;
            if (groupToggles.click(e.getX(), e.getY(), e.getClickCount())) return;
            int i = canvas.nodeAt(e.getX(), e.getY());
            selection.set(i < 0 ? null : scene.get().key(i));
            if (i >= 0 && e.getClickCount() == 2) zoomToSelection();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> {
            int i = canvas.nodeAt(e.getX(), e.getY());
            canvas.setHovered(i);
            canvas.setCursor(i >= 0 ? Cursor.HAND : Cursor.DEFAULT);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> canvas.setHovered(-1));
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getTouchCount() > 0 || e.isShiftDown() || e.isInertia()) {
                // Trackpad two-finger scroll (or Shift+wheel) pans.
                canvas.viewport().panBy(e.getDeltaX(), e.getDeltaY());
            } else {
                canvas.viewport().zoomAbout(Math.pow(1.0025, e.getDeltaY()), e.getX(), e.getY());
            }
            canvas.viewportChanged();
            e.consume();
        });
        canvas.addEventHandler(ZoomEvent.ZOOM, e -> {
            canvas.viewport().zoomAbout(e.getZoomFactor(), e.getX(), e.getY());
            canvas.viewportChanged();
            e.consume();
        });
    }

    private void installKeys() {
        KeyCombination find = KeyCombination.keyCombination("Shortcut+F");
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (find.match(e)) {
                focusSearch();
                e.consume();
            }
        });
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (handleKey(e.getCode())) e.consume();
        });
    }

    /** Canvas keys: arrows follow the data flow (along) or move to neighbours (across); F fits; +/- zoom. */
    boolean handleKey(KeyCode code) {
        GraphScene s = scene.get();
        if (s == null) return false;
        if (groupToggles.key(code, selectedIndex())) return true;
        switch (code) {
            case F -> { fitToWindow(); return true; }
            case PLUS, EQUALS, ADD -> { zoomBy(1.25); return true; }
            case MINUS, SUBTRACT -> { zoomBy(1 / 1.25); return true; }
            case ESCAPE -> { selection.set(null); return true; }
            case ENTER -> { zoomToSelection(); return true; }
            default -> { }
        }
        boolean h = s.horizontal();
        int i = selectedIndex();
        int next;
        if (i < 0) {
            if (!code.isArrowKey() || s.nodeCount() == 0) return false;
            next = firstVisible();
        } else {
            next = switch (code) {
                case UP -> h ? navigator.sibling(i, -1) : navigator.producer(i);
                case DOWN -> h ? navigator.sibling(i, 1) : navigator.consumer(i);
                case LEFT -> h ? navigator.producer(i) : navigator.sibling(i, -1);
                case RIGHT -> h ? navigator.consumer(i) : navigator.sibling(i, 1);
                default -> -2;
            };
            if (next == -2) return false;
        }
        if (next >= 0) {
            selection.set(s.key(next));
            ensureSelectionVisible();
        }
        return true;
    }

    /** The top-left-most node in view, or the first node. */
    private int firstVisible() {
        double[] v = canvas.viewport().visibleWorld(canvas.getWidth(), canvas.getHeight());
        int[] in = scene.get().nodesIn(v[0], v[1], v[2], v[3]);
        int best = in.length == 0 ? 0 : in[0];
        for (int i : in) {
            GraphScene s = scene.get();
            if (s.y(i) + s.x(i) * 0.01 < s.y(best) + s.x(best) * 0.01) best = i;
        }
        return best;
    }
}
