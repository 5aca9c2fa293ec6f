package org.npustudio.app.ui.diff;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.npustudio.graphview.render.Viewport;
import org.npustudio.graphview.ui.GraphView;

/**
 * Before and after in two graph views that pan and zoom together (Model Explorer's sync navigation).
 * The after layout is seeded by the before layout, so nearly the same world point shows the same nodes;
 * what remains is corrected locally from the matched nodes around the view's centre.
 */
final class SideBySidePane extends SplitPane {
    private final GraphView before = new GraphView();
    private final GraphView after = new GraphView();
    private final Label beforeTitle = title("diff-before-title");
    private final Label afterTitle = title("diff-after-title");
    private MatchedPositions pairs = MatchedPositions.NONE;
    private boolean following;

    SideBySidePane() {
        setId("diff-side-by-side");
        setOrientation(Orientation.HORIZONTAL);
        before.setId("diff-before");
        after.setId("diff-after");
        // One inspector is enough: the after side shows it (selection is synchronised anyway).
        before.sidePanelShownProperty().set(false);
        getItems().addAll(column(beforeTitle, before), column(afterTitle, after));
        org.npustudio.graphview.ui.SplitMemory.remember(this, "diff.sides", 0.42);
        before.canvas().addViewportListener(() -> follow(before, after, 1));
        after.canvas().addViewportListener(() -> follow(after, before, -1));
    }

    GraphView before() { return before; }

    GraphView after() { return after; }

    void setTitles(String left, String right) {
        beforeTitle.setText(left);
        afterTitle.setText(right);
    }

    /** Where matched nodes are on each side, to line the views up locally. */
    void setMatches(MatchedPositions p) { pairs = p; }

    /**
     * Puts the other view's centre on the same place of the graph at the same zoom. The layouts are close
     * but not identical (a group that lost nodes is smaller), so the displacement is taken from the
     * matched nodes nearest the centre: the part of the graph being looked at lines up.
     */
    void follow(GraphView from, GraphView to, int sign) {
        if (following || from.getGraphScene() == null || to.getGraphScene() == null) return;
        double w = from.canvas().getWidth(), h = from.canvas().getHeight();
        double tw = to.canvas().getWidth(), th = to.canvas().getHeight();
        if (w <= 0 || h <= 0 || tw <= 0 || th <= 0) return;
        following = true;
        try {
            Viewport v = from.canvas().viewport();
            double fx = v.toWorldX(w / 2), fy = v.toWorldY(h / 2);
            double[] d = pairs.displacementNear(fx, fy, sign > 0);
            double cx = fx + sign * d[0], cy = fy + sign * d[1];
            Viewport t = to.canvas().viewport();
            t.set(v.scale(), 0, 0);
            t.centerOn(cx, cy, tw, th);
            to.canvas().viewportChanged();
        } finally {
            following = false;
        }
    }

    private static VBox column(Label title, GraphView view) {
        VBox.setVgrow(view, Priority.ALWAYS);
        VBox box = new VBox(title, view);
        box.setMinWidth(0);
        return box;
    }

    private static Label title(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("diff-pane-title");
        l.setPadding(new Insets(3, 8, 3, 8));
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
