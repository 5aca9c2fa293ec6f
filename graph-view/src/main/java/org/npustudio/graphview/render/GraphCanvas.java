package org.npustudio.graphview.render;

import java.util.BitSet;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import org.npustudio.graphview.scene.DrawOptions;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.Overlay;
import org.npustudio.graphview.scene.SceneDrawer;
import org.npustudio.graphview.scene.SceneTheme;

/**
 * A region that draws a {@link GraphScene} on one {@link Canvas} (no scene-graph node per op) through a
 * {@link Viewport}. Changes mark it dirty; the frame is drawn at most once per pulse, from layout. Only the
 * visible part is drawn, with level of detail from {@link SceneDrawer}; the overlay's legend sits in the
 * top-right corner at a constant screen size (times the theme's scale).
 */
public class GraphCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final Viewport viewport = new Viewport();
    private final SceneDrawer drawer = new SceneDrawer();
    private GraphScene scene;
    private Overlay overlay = Overlay.NONE;
    private Overlay.Resolved resolved;
    private int selected = -1, hovered = -1;
    private BitSet hits = new BitSet();
    private BitSet marked = new BitSet();
    private BitSet spotlight = new BitSet();
    private boolean edgeLabels;
    private Runnable onViewportChanged = () -> {};
    private final java.util.List<Runnable> frameListeners = new java.util.ArrayList<>();
    private final java.util.List<Runnable> viewportListeners = new java.util.ArrayList<>();

    public GraphCanvas() {
        getStyleClass().add("graph-canvas");
        getChildren().add(canvas);
        setMinSize(0, 0);
        setPrefSize(800, 600);
        setFocusTraversable(true);
    }

    public Viewport viewport() { return viewport; }

    public GraphScene scene() { return scene; }

    /** Shows a new scene (or none); keeps the viewport, the caller fits it when appropriate. */
    public void setScene(GraphScene s) {
        scene = s;
        resolved = s == null ? null : overlay.resolve(s);
        selected = hovered = -1;
        hits = new BitSet();
        marked = new BitSet();
        spotlight = new BitSet();
        invalidate();
    }

    public SceneTheme theme() { return drawer.theme(); }

    /** Draws with these colours and stroke factor from the next frame on (null: the standard theme). */
    public void setTheme(SceneTheme t) {
        drawer.setTheme(t);
        invalidate();
    }

    /** Nodes (scene indices) to keep bright while the rest is dimmed; empty or null: no spotlight. */
    public void setSpotlight(BitSet nodes) {
        BitSet now = nodes == null ? new BitSet() : (BitSet) nodes.clone();
        if (now.equals(spotlight)) return;
        spotlight = now;
        invalidate();
    }

    public BitSet spotlight() { return (BitSet) spotlight.clone(); }

    public Overlay overlay() { return overlay; }

    /** The overlay resolved against the current scene (null without a scene), shared with the minimap. */
    public Overlay.Resolved resolved() { return resolved; }

    /** Replaces the overlay; the next frame uses it without re-layout. */
    public void setOverlay(Overlay o) {
        overlay = o == null ? Overlay.NONE : o;
        resolved = scene == null ? null : overlay.resolve(scene);
        invalidate();
    }

    public int selected() { return selected; }

    public void setSelected(int node) {
        if (selected == node) return;
        selected = node;
        invalidate();
    }

    public int hovered() { return hovered; }

    public void setHovered(int node) {
        if (hovered == node) return;
        hovered = node;
        invalidate();
    }

    public void setHits(BitSet nodes) {
        hits = nodes == null ? new BitSet() : (BitSet) nodes.clone();
        invalidate();
    }

    /** Nodes of a multi-selection (scene indices), outlined like the selection. */
    public void setMarked(BitSet nodes) {
        marked = nodes == null ? new BitSet() : (BitSet) nodes.clone();
        invalidate();
    }

    public BitSet marked() { return (BitSet) marked.clone(); }

    public boolean edgeLabels() { return edgeLabels; }

    public void setEdgeLabels(boolean on) {
        edgeLabels = on;
        invalidate();
    }

    /** Called after every viewport change (the minimap follows it). */
    public void setOnViewportChanged(Runnable r) { onViewportChanged = r == null ? () -> {} : r; }

    /** Called after each frame with a scene has been drawn (benchmarks time the first one; the profiler times its refresh to it). */
    public void addFrameListener(Runnable r) { frameListeners.add(r); }

    public void removeFrameListener(Runnable r) { frameListeners.remove(r); }
    /** Also called after every viewport change (e.g. a second view that pans and zooms along). */
    public void addViewportListener(Runnable r) { viewportListeners.add(r); }

    /** Marks the frame stale; it is redrawn on the next pulse. */
    public void invalidate() { requestLayout(); }

    /** Call after changing {@link #viewport()} directly. */
    public void viewportChanged() {
        invalidate();
        onViewportChanged.run();
        for (Runnable r : java.util.List.copyOf(viewportListeners)) r.run();
    }

    /** The node under a point in this region's coordinates, or -1. */
    public int nodeAt(double sx, double sy) {
        return scene == null ? -1 : scene.nodeAt(viewport.toWorldX(sx), viewport.toWorldY(sy));
    }

    /** Fits the whole scene into the view, no larger than 1:1 (times the theme's scale). */
    public void fitToView() {
        if (scene == null || getWidth() <= 0) return;
        viewport.fit(scene.minX(), scene.minY(), scene.maxX(), scene.maxY(), getWidth(), getHeight(), 20, drawer.theme().scale());
        viewportChanged();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        redraw();
    }

    /** Draws the frame now. */
    public void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth(), h = canvas.getHeight();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        FxPainter painter = new FxPainter(gc);
        SceneTheme theme = drawer.theme();
        gc.setFill(painter.color(theme.background()));
        gc.fillRect(0, 0, w, h);
        if (scene != null) {
            double s = viewport.scale();
            gc.setTransform(s, 0, 0, s, viewport.translateX(), viewport.translateY());
            double[] world = viewport.visibleWorld(w, h);
            drawer.draw(scene, resolved, new DrawOptions(edgeLabels, selected, hovered, hits, marked, spotlight), painter, s,
                    world[0], world[1], world[2], world[3]);
            gc.setTransform(1, 0, 0, 1, 0, 0);
            if (overlay.legend() != null) {
                double unit = theme.scale();
                double[] size = SceneDrawer.legendSize(overlay.legend(), unit);
                SceneDrawer.drawLegend(painter, overlay.legend(), w - size[0] - 12, 12, unit, theme);
                painter.finish();
            }
        }
        if (scene != null) for (Runnable r : java.util.List.copyOf(frameListeners)) r.run();
    }

    /** The drawing surface (for snapshots and exports of the current view). */
    public Canvas canvas() { return canvas; }
}
