package org.npustudio.graphview.ui;

import javafx.scene.input.KeyCode;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.render.Viewport;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.scene.NodeKind;
import org.npustudio.graphview.scene.SceneGroup;
import org.npustudio.graphview.scene.SceneHitTest;

/**
 * Opening and closing groups from the graph view: the toggle on a group's title band or collapsed box,
 * double-click, Enter (open the selected group) and Backspace (close the group around the selection). The
 * owner's {@link GroupExpander} lays out again; when the new scene arrives the toggled group is put back at
 * the same place on screen, so what the user was looking at stays put, and a node revealed from a search is
 * selected and centred.
 */
final class GroupToggles {
    private final GraphCanvas canvas;
    private GroupExpander expander;
    /** The toggled group and where its anchor point was on screen, until the new scene arrives. */
    private String anchorPath;
    private double anchorScreenX, anchorScreenY;
    private String selectAfter;
    private String revealKey;

    GroupToggles(GraphCanvas canvas) { this.canvas = canvas; }

    void setExpander(GroupExpander e) { expander = e; }

    GroupExpander expander() { return expander; }

    /** A press released without dragging at screen point (sx, sy); true when it toggled a group. */
    boolean click(double sx, double sy, int clicks) {
        GraphScene s = canvas.scene();
        if (s == null || expander == null) return false;
        double wx = canvas.viewport().toWorldX(sx), wy = canvas.viewport().toWorldY(sy);
        int i = s.nodeAt(wx, wy);
        if (i >= 0) {
            if (s.kind(i) != NodeKind.GROUP) return false;
            if (clicks == 2 || SceneGroup.onToggle(s.x(i), s.y(i), wx, wy)) {
                toggle(s.groupContent(i).path(), true, null);
                return true;
            }
            return false;
        }
        SceneGroup g = s.groupHeaderAt(wx, wy);
        if (g != null && (clicks == 2 || g.toggleContains(wx, wy))) {
            toggle(g.path(), false, g.key());
            return true;
        }
        return false;
    }

    /** Enter opens the selected group, Backspace closes the innermost group around the selection. */
    boolean key(KeyCode code, int selected) {
        GraphScene s = canvas.scene();
        if (s == null || expander == null || selected < 0) return false;
        if (code == KeyCode.ENTER && s.kind(selected) == NodeKind.GROUP) {
            toggle(s.groupContent(selected).path(), true, null);
            return true;
        }
        if (code == KeyCode.BACK_SPACE) {
            SceneGroup around = SceneHitTest.groupAt(s, s.centerX(selected), s.centerY(selected));
            if (around == null) return false;
            toggle(around.path(), false, around.key());
            return true;
        }
        return false;
    }

    /** Asks the owner to open or close a group, remembering where it is on screen. */
    void toggle(String path, boolean open, String selectAfterwards) {
        GraphScene s = canvas.scene();
        double[] a = s == null ? null : anchor(s, path);
        anchorPath = a == null ? null : path;
        if (a != null) {
            anchorScreenX = canvas.viewport().toScreenX(a[0]);
            anchorScreenY = canvas.viewport().toScreenY(a[1]);
        }
        selectAfter = selectAfterwards;
        expander.setExpanded(path, open);
    }

    /** For a key hidden in a collapsed group: asks the owner to open it; true when asked. */
    boolean reveal(String key) {
        GraphScene s = canvas.scene();
        if (s == null || expander == null || s.indexOf(key) >= 0 || s.collapsedGroupOf(key) < 0) return false;
        revealKey = key;
        expander.reveal(key);
        return true;
    }

    /** A node the new scene should select and centre (a revealed search hit), once; or null. */
    String takeReveal(GraphScene now) {
        String k = revealKey;
        if (k == null || now.indexOf(k) < 0) return null;
        revealKey = null;
        return k;
    }

    /** The key to select after a collapse (the group that now hides the selection), once; or null. */
    String takeSelection(GraphScene now) {
        String k = selectAfter;
        selectAfter = null;
        return k != null && now.indexOf(k) >= 0 ? k : null;
    }

    /** Moves the view so the toggled group's anchor is where it was on screen; false when there is nothing to keep. */
    boolean keepAnchor(GraphScene now) {
        String path = anchorPath;
        anchorPath = null;
        double[] a = path == null ? null : anchor(now, path);
        if (a == null) return false;
        Viewport v = canvas.viewport();
        v.set(v.scale(), anchorScreenX - a[0] * v.scale(), anchorScreenY - a[1] * v.scale());
        canvas.viewportChanged();
        return true;
    }

    /** The middle of the side edges enter (top in a top-to-bottom drawing, left else) of the group's box or frame. */
    private static double[] anchor(GraphScene s, String path) {
        int i = s.indexOf(SceneGroup.keyOf(path));
        double x, y, w, h;
        if (i >= 0) {
            x = s.x(i); y = s.y(i); w = s.width(i); h = s.height(i);
        } else {
            SceneGroup g = s.groups().stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
            if (g == null) return null;
            x = g.x(); y = g.y(); w = g.width(); h = g.height();
        }
        return s.horizontal() ? new double[] {x, y + h / 2} : new double[] {x + w / 2, y};
    }
}
