package org.npustudio.partition.editor.ui;

import java.util.Collection;
import org.npustudio.graphview.render.GraphCanvas;
import org.npustudio.graphview.scene.GraphScene;
import org.npustudio.graphview.ui.GraphView;
import org.npustudio.graphview.ui.NodeSelection;

/** Selects nodes and brings them into view: centred when they fit at the current zoom, else fitted. */
final class ViewFocus {
    private ViewFocus() {}

    static void show(GraphView view, NodeSelection selection, Collection<String> ids) {
        selection.set(ids);
        reveal(view, ids);
    }

    private static void reveal(GraphView view, Collection<String> ids) {
        GraphScene s = view.getGraphScene();
        GraphCanvas c = view.canvas();
        if (s == null || ids.isEmpty()) return;
        if (c.getWidth() <= 0 || c.getHeight() <= 0) {
            // Not laid out yet (the editor was just opened): reveal once the canvas has its size.
            c.widthProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    if (c.getWidth() <= 0) return;
                    c.widthProperty().removeListener(this);
                    javafx.application.Platform.runLater(() -> reveal(view, ids));
                }
            });
            return;
        }
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (String id : ids) {
            int i = s.indexOf(id);
            if (i < 0) continue;
            x0 = Math.min(x0, s.x(i)); y0 = Math.min(y0, s.y(i));
            x1 = Math.max(x1, s.x(i) + s.width(i)); y1 = Math.max(y1, s.y(i) + s.height(i));
        }
        if (x0 > x1) return;
        double m = 40, scale = c.viewport().scale();
        boolean fits = (x1 - x0 + 2 * m) * scale <= c.getWidth() && (y1 - y0 + 2 * m) * scale <= c.getHeight();
        if (fits) c.viewport().centerOn((x0 + x1) / 2, (y0 + y1) / 2, c.getWidth(), c.getHeight());
        else c.viewport().fit(x0 - m, y0 - m, x1 + m, y1 + m, c.getWidth(), c.getHeight(), 10, 1);
        c.viewportChanged();
    }
}
