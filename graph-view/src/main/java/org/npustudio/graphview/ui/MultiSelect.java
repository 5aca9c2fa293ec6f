package org.npustudio.graphview.ui;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.NodeKind;
import org.npustudio.graphview.scene.SceneGroup;
import org.npustudio.graphview.scene.SceneHitTest;

/**
 * Multi-selection gestures on a {@link GraphView}, kept out of the view itself: event filters on the
 * canvas take the gestures below and leave everything else (plain drag pans, plain click selects one
 * node) to the view.
 * <ul>
 * <li>Shift+click adds a node, Ctrl/Cmd+click toggles it; a plain click selects just that node.</li>
 * <li>Shift+drag draws a rubber band that adds what it covers (Ctrl/Cmd+Shift+drag removes). With the
 * {@link Tool#RECTANGLE} or {@link Tool#LASSO} tool a plain drag draws the band or a free-hand lasso and
 * replaces the selection (Shift adds, Ctrl/Cmd removes).</li>
 * <li>Double-click on the empty part of a name-scope box selects the operators inside it.</li>
 * <li>Ctrl/Cmd+A selects every operator.</li>
 * </ul>
 * Only operators are selected by area (inputs, outputs and weights cannot be partitioned); a node counts
 * as covered when its centre is. The view's single selection follows the last clicked node.
 */
public final class MultiSelect {
    /** What a plain drag on the canvas does. */
    public enum Tool { PAN, RECTANGLE, LASSO }

    private enum Combine { REPLACE, ADD, REMOVE }

    /** Pixels a press may move and still be a click. */
    private static final double CLICK_SLACK = 3;

    private final GraphView view;
    private final GraphCanvas canvas;
    private final NodeSelection selection;
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(this, "tool", Tool.PAN);
    private final Pane layer = new Pane();
    private final Rectangle band = new Rectangle();
    private final Polygon lasso = new Polygon();
    private final List<Double> lassoPoints = new ArrayList<>();
    private boolean active, lassoing, syncing;
    /** The pointer went further than a click's slack from the press point (a lasso may come back to it). */
    private boolean travelled;
    private Combine combine;
    private double pressX, pressY;

    private MultiSelect(GraphView view, NodeSelection selection) {
        this.view = view;
        this.canvas = view.canvas();
        this.selection = selection;
        band.getStyleClass().add("selection-band");
        lasso.getStyleClass().add("selection-band");
        band.setManaged(false);
        lasso.setManaged(false);
        band.setVisible(false);
        lasso.setVisible(false);
        layer.getChildren().addAll(band, lasso);
        layer.setPickOnBounds(false);
        view.addCanvasLayer(layer);
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.A && e.isShortcutDown()) {
                selectAll();
                e.consume();
            }
        });
        selection.keysProperty().addListener((o, was, now) -> mark());
        view.graphSceneProperty().addListener((o, was, now) -> mark());
        view.selectionProperty().addListener((o, was, now) -> followSingle(now));
    }

    /** Adds the gestures to a view; the returned object holds the tool setting. */
    public static MultiSelect install(GraphView view, NodeSelection selection) {
        return new MultiSelect(view, selection);
    }

    public ObjectProperty<Tool> toolProperty() { return tool; }

    public NodeSelection selection() { return selection; }

    /** Selects every operator of the scene. */
    public void selectAll() {
        GraphScene s = view.getGraphScene();
        if (s == null) return;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < s.nodeCount(); i++) if (s.kind(i) == NodeKind.OPERATOR) keys.add(s.key(i));
        selection.set(keys);
    }

    // ---- gestures ---------------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || view.getGraphScene() == null) return;
        boolean modifier = e.isShiftDown() || e.isShortcutDown();
        if (!modifier && tool.get() == Tool.PAN) return;
        e.consume();
        canvas.requestFocus();
        active = true;
        lassoing = tool.get() == Tool.LASSO;
        combine = e.isShortcutDown() ? Combine.REMOVE : e.isShiftDown() ? Combine.ADD : Combine.REPLACE;
        pressX = e.getX();
        pressY = e.getY();
        travelled = false;
        lassoPoints.clear();
        lassoPoints.add(pressX);
        lassoPoints.add(pressY);
    }

    private void dragged(MouseEvent e) {
        if (!active) return;
        e.consume();
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) >= CLICK_SLACK) travelled = true;
        if (lassoing) {
            double lx = lassoPoints.get(lassoPoints.size() - 2), ly = lassoPoints.get(lassoPoints.size() - 1);
            if (Math.hypot(e.getX() - lx, e.getY() - ly) >= 2) {
                lassoPoints.add(e.getX());
                lassoPoints.add(e.getY());
                if (lassoPoints.size() == 4) {
                    lasso.getPoints().setAll(toLayer(lassoPoints)); // a new lasso: press point and first step
                } else {
                    Point2D p = toLayer(e.getX(), e.getY()); // only the new point: a long drag stays linear
                    lasso.getPoints().addAll(p.getX(), p.getY());
                }
                lasso.setVisible(true);
            }
        } else {
            Point2D a = toLayer(Math.min(pressX, e.getX()), Math.min(pressY, e.getY()));
            band.setX(a.getX());
            band.setY(a.getY());
            band.setWidth(Math.abs(e.getX() - pressX));
            band.setHeight(Math.abs(e.getY() - pressY));
            band.setVisible(true);
        }
    }

    private void released(MouseEvent e) {
        if (!active) {
            plainClick(e);
            return;
        }
        e.consume();
        active = false;
        band.setVisible(false);
        lasso.setVisible(false);
        GraphScene s = view.getGraphScene();
        if (s == null) return;
        // A click only when the pointer never left the press point: a lasso closed where it began is a lasso.
        if (!travelled && Math.hypot(e.getX() - pressX, e.getY() - pressY) < CLICK_SLACK) {
            click(s, e.getX(), e.getY(), e.getClickCount());
            return;
        }
        BitSet hit;
        if (lassoing) {
            lassoPoints.add(e.getX());
            lassoPoints.add(e.getY());
            double[] world = new double[lassoPoints.size()];
            for (int k = 0; k < world.length; k += 2) {
                world[k] = canvas.viewport().toWorldX(lassoPoints.get(k));
                world[k + 1] = canvas.viewport().toWorldY(lassoPoints.get(k + 1));
            }
            hit = SceneHitTest.inPolygon(s, world, selectable(s));
        } else {
            hit = SceneHitTest.inRectangle(s, canvas.viewport().toWorldX(pressX), canvas.viewport().toWorldY(pressY),
                    canvas.viewport().toWorldX(e.getX()), canvas.viewport().toWorldY(e.getY()), selectable(s));
        }
        apply(keys(s, hit), combine);
    }

    /** A plain click is the view's (it selects one node); the multi-selection becomes that node or nothing. */
    private void plainClick(MouseEvent e) {
        GraphScene s = view.getGraphScene();
        if (s == null || e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) return;
        if (e.getClickCount() == 2 && selectGroupAt(e.getX(), e.getY())) {
            e.consume();
            return;
        }
        int i = canvas.nodeAt(e.getX(), e.getY());
        List<String> picked = i < 0 ? List.of() : pick(s, i);
        if (!picked.isEmpty()) selection.set(picked);
        else selection.clear();
    }

    private void click(GraphScene s, double x, double y, int clicks) {
        int i = canvas.nodeAt(x, y);
        List<String> picked = i < 0 ? List.of() : pick(s, i);
        if (picked.isEmpty()) {
            if (clicks == 2 && selectGroupAt(x, y)) return;
            if (combine == Combine.REPLACE) selection.clear();
            return;
        }
        String key = s.key(i);
        switch (combine) {
            case REPLACE -> selection.set(picked);
            case ADD -> selection.add(picked);
            case REMOVE -> {
                if (picked.size() == 1) selection.toggle(picked.get(0));
                else if (selection.contains(picked.get(0))) selection.remove(picked);
                else selection.add(picked);
            }
        }
        setSingle(selection.contains(picked.get(0)) ? key : null);
    }

    private boolean selectGroupAt(double x, double y) {
        GraphScene s = view.getGraphScene();
        if (s == null || canvas.nodeAt(x, y) >= 0) return false;
        SceneGroup g = SceneHitTest.groupAt(s, canvas.viewport().toWorldX(x), canvas.viewport().toWorldY(y));
        if (g == null) return false;
        selection.set(keys(s, SceneHitTest.inGroup(s, g, SceneHitTest.operators(s))));
        return true;
    }

    private void apply(List<String> keys, Combine how) {
        switch (how) {
            case REPLACE -> selection.set(keys);
            case ADD -> selection.add(keys);
            case REMOVE -> selection.remove(keys);
        }
    }

    private List<String> keys(GraphScene s, BitSet nodes) {
        List<String> out = new ArrayList<>(nodes.cardinality());
        nodes.stream().forEach(i -> out.addAll(pick(s, i)));
        return out;
    }

    /** Operators and collapsed groups can be picked; a collapsed group stands for the operators inside it. */
    private static java.util.function.IntPredicate selectable(GraphScene s) {
        return i -> s.kind(i) == NodeKind.OPERATOR || s.kind(i) == NodeKind.GROUP;
    }

    /** The operator keys a scene node stands for: itself, every operator of a collapsed group, or none. */
    private List<String> pick(GraphScene s, int i) {
        if (s.kind(i) == NodeKind.OPERATOR) return List.of(s.key(i));
        if (s.kind(i) != NodeKind.GROUP || s.groupContent(i) == null) return List.of();
        org.npustudio.ir.Graph g = view.graphProperty().get();
        return s.groupContent(i).memberKeys().stream().filter(k -> g == null || g.nodeById(k) != null).toList();
    }

    // ---- keeping the view in step -----------------------------------------------------------------------

    /** A plain click, arrow key or search moved the view's single selection: the multi-selection follows. */
    private void followSingle(String key) {
        if (syncing) return;
        GraphScene s = view.getGraphScene();
        int i = s == null || key == null ? -1 : s.indexOf(key);
        List<String> picked = i < 0 ? List.of() : pick(s, i);
        if (!picked.isEmpty()) selection.set(picked);
        else selection.clear();
    }

    private void setSingle(String key) {
        syncing = true;
        try {
            view.selectionProperty().set(key);
        } finally {
            syncing = false;
        }
    }

    private void mark() {
        GraphScene s = view.getGraphScene();
        BitSet b = new BitSet();
        if (s != null) {
            Set<String> keys = selection.keys();
            for (String k : keys) {
                int i = s.indexOf(k);
                if (i >= 0) b.set(i);
            }
        }
        canvas.setMarked(b);
    }

    private Point2D toLayer(double x, double y) {
        return layer.sceneToLocal(canvas.localToScene(x, y));
    }

    private List<Double> toLayer(List<Double> canvasPoints) {
        List<Double> out = new ArrayList<>(canvasPoints.size());
        for (int k = 0; k < canvasPoints.size(); k += 2) {
            Point2D p = toLayer(canvasPoints.get(k), canvasPoints.get(k + 1));
            out.add(p.getX());
            out.add(p.getY());
        }
        return out;
    }
}
