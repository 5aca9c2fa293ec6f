package org.npustudio.graphview.scene;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Draws the visible part of a scene through a {@link Painter} with level of detail: below
 * {@link SceneStyle#TITLE_ZOOM} nodes are plain coloured rectangles (batched by colour) and group boxes
 * carry a summary; arrows and rounded corners come at {@link SceneStyle#SHAPE_ZOOM}; titles, details and
 * edge labels as the zoom allows. Line widths and highlight strokes stay at least a pixel wide on screen.
 * Colours and the stroke factor come from a {@link SceneTheme} ({@link SceneTheme#STANDARD} unless set); a
 * spotlight in the {@link DrawOptions} dims everything but its nodes and the edges between them.
 * One instance per view: it reuses its buffers between frames (not thread-safe).
 */
public final class SceneDrawer {
    private int[] visible = new int[256];
    private int visibleCount;
    private int[] edgeBuf = new int[256];
    private int edgeCount;
    private SceneTheme theme = SceneTheme.STANDARD;
    /** {@link SceneTheme#scale}: strokes, arrow heads and screen-size text grow by it. */
    private double grow = 1;

    public SceneTheme theme() { return theme; }

    public void setTheme(SceneTheme t) {
        theme = t == null ? SceneTheme.STANDARD : t;
        grow = theme.scale();
    }

    /**
     * @param scale pixels per world unit
     * @param x0    visible world rectangle (draw only what intersects it)
     */
    public void draw(GraphScene s, Overlay.Resolved o, DrawOptions opt, Painter p, double scale,
                     double x0, double y0, double x1, double y1) {
        double px = 1 / scale; // one screen pixel in world units
        drawGroups(s, p, scale, px, x0, y0, x1, y1);
        drawOutlines(o, p, px, x0, y0, x1, y1);
        drawEdges(s, o, opt, p, scale, px, x0, y0, x1, y1);
        collectVisibleNodes(s, x0, y0, x1, y1);
        if (scale < SceneStyle.TITLE_ZOOM) drawNodesPlain(s, o, p, scale);
        else for (int k = 0; k < visibleCount; k++) drawNodeDetailed(s, o, p, scale, visible[k]);
        drawOutlineLabels(o, p, px, x0, y0, x1, y1);
        drawEmphasis(s, o, opt, p, scale, px);
        if (!opt.spotlight().isEmpty()) drawSpotlight(s, o, opt, p, scale, px, x0, y0, x1, y1);
        p.finish();
    }

    /**
     * Dims the whole visible area with the theme's veil, then draws the spotlit nodes, the edges among them and
     * their emphasis again on top, so only they keep full contrast.
     */
    private void drawSpotlight(GraphScene s, Overlay.Resolved o, DrawOptions opt, Painter p, double scale, double px,
                               double x0, double y0, double x1, double y1) {
        p.fillRect(x0, y0, x1 - x0, y1 - y0, theme.veil());
        java.util.BitSet lit = opt.spotlight();
        double width = Math.max(SceneStyle.EDGE_WIDTH, 0.8 * px) * grow;
        for (int i = lit.nextSetBit(0); i >= 0 && i < s.nodeCount(); i = lit.nextSetBit(i + 1)) {
            for (int e : s.outgoing(i)) {
                if (!lit.get(s.to(e))) continue;
                p.polyline(s.points(e), 0, theme.edge(), width);
                arrow(p, s.points(e), theme.edge());
            }
        }
        for (int i = lit.nextSetBit(0); i >= 0 && i < s.nodeCount(); i = lit.nextSetBit(i + 1)) {
            if (scale < SceneStyle.TITLE_ZOOM) p.fillRect(s.x(i), s.y(i), s.width(i), s.height(i), o.fillOf(s, i));
            else drawNodeDetailed(s, o, p, scale, i);
            outline(s, p, i, theme.selection(), 3 * Math.max(1, px) * grow, 2 * Math.max(1, px) * grow);
        }
    }

    private void drawGroups(GraphScene s, Painter p, double scale, double px, double x0, double y0, double x1, double y1) {
        // Deep nesting only once there is room to see it.
        int maxDepth = scale < 0.12 ? 1 : scale < 0.35 ? 2 : Integer.MAX_VALUE;
        for (SceneGroup g : s.groups()) {
            if (g.depth() > maxDepth) continue;
            if (g.x() > x1 || g.y() > y1 || g.x() + g.width() < x0 || g.y() + g.height() < y0) continue;
            p.fillRoundRect(g.x(), g.y(), g.width(), g.height(), 10, theme.groupFill());
            p.strokeRoundRect(g.x(), g.y(), g.width(), g.height(), 10, theme.groupBorder(), Math.max(1, px) * grow);
        }
        for (SceneGroup g : s.groups()) {
            if (g.depth() > maxDepth) continue;
            if (g.x() > x1 || g.y() > y1 || g.x() + g.width() < x0 || g.y() + g.height() < y0) continue;
            // The collapse toggle once it is big enough to click; the title moves right of it and stays in the
            // title band. Further out, labels keep a readable screen size, but never outgrow their box.
            boolean toggle = scale >= SceneStyle.TITLE_ZOOM;
            double size = toggle ? Math.min(Math.max(11, 11 * px), 16) * Math.min(grow, 1.5) : Math.min(Math.max(10, 11 * px * grow), g.height() * 0.3);
            if (size * scale < 8) continue;
            double left = toggle ? SceneGroup.TOGGLE_INSET + SceneGroup.TOGGLE + 5 : 5 * Math.max(1, px);
            if (toggle) drawToggle(p, g.x(), g.y(), false, theme.groupLabel(), theme.groupToggleFill(), px);
            String text = scale < SceneStyle.TITLE_ZOOM ? g.label() + " · " + g.members() + " nodes" : g.label();
            if (Painter.textWidth(text, size, true) > g.width() - left - 3 * px) {
                text = g.label();
                if (Painter.textWidth(text, size, true) > g.width() - left - 3 * px) continue;
            }
            double base = toggle ? g.y() + SceneGroup.TOGGLE_INSET + SceneGroup.TOGGLE / 2 + size * 0.36 : g.y() + size * 1.1;
            p.text(text, g.x() + left, base, size, true, theme.groupLabel());
        }
    }

    /** Overlay outlines (e.g. partitions): a soft halo under a solid line, widths in screen pixels. */
    private void drawOutlines(Overlay.Resolved o, Painter p, double px, double x0, double y0, double x1, double y1) {
        for (Hulls.Hull h : o.hulls()) {
            if (h.minX() > x1 || h.minY() > y1 || h.maxX() < x0 || h.maxY() < y0) continue;
            double w = Math.max(1, h.width()) * px * grow;
            p.polyline(h.polygon(), 0, (h.color() & 0x00FFFFFF) | 0x40000000, w * 4);
            p.polyline(h.polygon(), 0, h.color(), w);
        }
    }

    /** Each outline's label above its first piece, at a readable screen size. */
    private void drawOutlineLabels(Overlay.Resolved o, Painter p, double px, double x0, double y0, double x1, double y1) {
        double size = 12 * px * grow;
        for (Hulls.Hull h : o.hulls()) {
            if (!h.first() || h.label() == null || h.label().isEmpty()) continue;
            if (h.minX() > x1 || h.minY() > y1 || h.maxX() < x0 || h.maxY() < y0) continue;
            double w = Painter.textWidth(h.label(), size, true) + 8 * px;
            // Only where the piece is wide enough on screen to own its label (not in the minimap, say).
            if (w > h.maxX() - h.minX() + 40 * px) continue;
            double top = h.minY() - size - 6 * px;
            p.fillRoundRect(h.minX(), top, w, size + 6 * px, 4 * px, h.color());
            p.text(h.label(), h.minX() + 4 * px, top + size + 1 * px, size, true, Colors.contrastingText(h.color()));
        }
    }

    private void drawEdges(GraphScene s, Overlay.Resolved o, DrawOptions opt, Painter p, double scale, double px,
                           double x0, double y0, double x1, double y1) {
        double width = Math.max(SceneStyle.EDGE_WIDTH, 0.8 * px) * grow;
        boolean arrows = scale >= SceneStyle.SHAPE_ZOOM;
        double minStep = scale >= SceneStyle.SHAPE_ZOOM ? 0 : px;
        edgeCount = 0;
        s.edgesIn(x0, y0, x1, y1, e -> {
            if (edgeCount == edgeBuf.length) edgeBuf = Arrays.copyOf(edgeBuf, edgeBuf.length * 2);
            edgeBuf[edgeCount++] = e;
        });
        int[] edges = edgeBuf;
        int count = edgeCount;
        // Default-styled edges first (one batch), then overlay-styled ones on top.
        // Level of detail: an edge spanning less than ~2.5 pixels is just the gap between two touching boxes.
        double tiny = 2.5 * px;
        for (int k = 0; k < count; k++) {
            int e = edges[k];
            if (o.edgeColor()[e] != 0 || o.edgeWidth()[e] != 0) continue;
            double[] pt = s.points(e);
            if (!arrows && pt.length == 4 && Math.abs(pt[2] - pt[0]) + Math.abs(pt[3] - pt[1]) < tiny) continue;
            p.polyline(pt, minStep, theme.edge(), width);
        }
        if (arrows) {
            for (int k = 0; k < count; k++) {
                int e = edges[k];
                if (o.edgeColor()[e] == 0 && o.edgeWidth()[e] == 0) arrow(p, s.points(e), theme.edge());
            }
        }
        for (int k = 0; k < count; k++) {
            int e = edges[k];
            if (o.edgeColor()[e] == 0 && o.edgeWidth()[e] == 0) continue;
            int c = o.edgeColor()[e] != 0 ? o.edgeColor()[e] : theme.edge();
            double w = o.edgeWidth()[e] != 0 ? Math.max(o.edgeWidth()[e], px) * grow : width;
            p.polyline(s.points(e), minStep, c, w);
            if (arrows) arrow(p, s.points(e), c);
        }
        if (opt.edgeLabels() && scale >= SceneStyle.EDGE_LABEL_ZOOM) drawEdgeLabels(s, p, edges, count);
    }

    /** One label per produced tensor (bundled edges share their first segment), beside that segment. */
    private void drawEdgeLabels(GraphScene s, Painter p, int[] edges, int count) {
        Set<String> done = new HashSet<>();
        double size = SceneStyle.EDGE_LABEL_SIZE;
        for (int k = 0; k < count; k++) {
            int e = edges[k];
            String label = s.shapeLabel(e);
            if (label == null || label.isEmpty() || !done.add(s.from(e) + "\u0000" + s.value(e))) continue;
            double[] pt = s.points(e);
            double mx = (pt[0] + pt[2]) / 2, my = (pt[1] + pt[3]) / 2;
            if (s.horizontal()) {
                p.text(label, mx - Painter.textWidth(label, size, false) / 2, my - 3, size, false, theme.edgeLabel());
            } else {
                p.text(label, mx + 4, my + size * 0.35, size, false, theme.edgeLabel());
            }
        }
    }

    private void arrow(Painter p, double[] pt, int argb) {
        int n = pt.length;
        double tx = pt[n - 2], ty = pt[n - 1];
        double dx = tx - pt[n - 4], dy = ty - pt[n - 3];
        double len = Math.hypot(dx, dy);
        if (len < 1e-9) return;
        dx /= len;
        dy /= len;
        double a = SceneStyle.ARROW * grow, half = a * 0.42;
        double bx = tx - dx * a, by = ty - dy * a;
        p.fillTriangle(tx, ty, bx - dy * half, by + dx * half, bx + dy * half, by - dx * half, argb);
    }

    private void collectVisibleNodes(GraphScene s, double x0, double y0, double x1, double y1) {
        visibleCount = 0;
        s.nodesIn(x0, y0, x1, y1, i -> {
            if (visibleCount == visible.length) visible = Arrays.copyOf(visible, visible.length * 2);
            visible[visibleCount++] = i;
        });
    }

    /** Overview: filled rectangles, grouped by colour so each colour is one batch. */
    private void drawNodesPlain(GraphScene s, Overlay.Resolved o, Painter p, double scale) {
        Map<Integer, int[]> byColor = new LinkedHashMap<>();
        Map<Integer, Integer> sizes = new LinkedHashMap<>();
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            int c = o.fillOf(s, i);
            int[] list = byColor.get(c);
            int size = sizes.getOrDefault(c, 0);
            if (list == null) list = new int[64];
            else if (size == list.length) list = Arrays.copyOf(list, size * 2);
            list[size] = i;
            byColor.put(c, list);
            sizes.put(c, size + 1);
        }
        boolean round = scale >= SceneStyle.SHAPE_ZOOM;
        for (Map.Entry<Integer, int[]> e : byColor.entrySet()) {
            int c = e.getKey();
            int[] list = e.getValue();
            int size = sizes.get(c);
            for (int k = 0; k < size; k++) {
                int i = list[k];
                if (round) p.fillRoundRect(s.x(i), s.y(i), s.width(i), s.height(i), SceneStyle.CORNER, c);
                else p.fillRect(s.x(i), s.y(i), s.width(i), s.height(i), c);
            }
        }
        labelCollapsedGroups(s, o, p, scale);
        if (round) {
            for (int k = 0; k < visibleCount; k++) {
                int i = visible[k];
                if (s.kind(i) == NodeKind.INITIALIZER) {
                    p.strokeRoundRect(s.x(i), s.y(i), s.width(i), s.height(i), SceneStyle.CORNER, theme.initializerBorder(), grow / scale);
                }
            }
        }
    }

    /** At overview zoom a collapsed group still says what it is, at a readable screen size, when that fits. */
    private void labelCollapsedGroups(GraphScene s, Overlay.Resolved o, Painter p, double scale) {
        double size = 11 / scale, pad = 4 / scale;
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            GroupContent c = s.groupContent(i);
            if (c == null || size > s.height(i) * 0.8) continue;
            String text = s.title(i) + " · " + c.operatorCount() + " ops";
            if (Painter.textWidth(text, size, true) > s.width(i) - 2 * pad) text = s.title(i);
            if (Painter.textWidth(text, size, true) > s.width(i) - 2 * pad) continue;
            p.text(text, s.x(i) + pad, s.y(i) + s.height(i) / 2 + size * 0.36, size, true, Colors.contrastingText(o.fillOf(s, i)));
        }
    }

    private void drawNodeDetailed(GraphScene s, Overlay.Resolved o, Painter p, double scale, int i) {
        if (s.kind(i) == NodeKind.GROUP) {
            drawCollapsedGroup(s, o, p, scale, i);
            return;
        }
        double x = s.x(i), y = s.y(i), w = s.width(i), h = s.height(i);
        int fill = o.fillOf(s, i);
        boolean initializer = s.kind(i) == NodeKind.INITIALIZER;
        String[] lines = s.linesArray(i);
        boolean details = scale >= SceneStyle.DETAIL_ZOOM && lines.length > 0;
        double header = SceneStyle.PAD_Y + SceneStyle.TITLE_LINE + 1;
        p.fillRoundRect(x, y, w, h, SceneStyle.CORNER, fill);
        if (details) {
            // Netron-style: a coloured header with the op type, details on a light body below it.
            p.fillRect(x + 1, y + header, w - 2, h - header - 1, theme.bodyFill());
        }
        int border = initializer ? theme.initializerBorder() : theme.nodeBorder();
        p.strokeRoundRect(x, y, w, h, SceneStyle.CORNER, border, Math.max(1, 1 / scale) * grow);
        int titleColor = Colors.contrastingText(fill);
        String title = s.title(i);
        double tw = Painter.textWidth(title, SceneStyle.TITLE_SIZE, true);
        double titleX = details ? x + SceneStyle.PAD_X : x + Math.max(SceneStyle.PAD_X / 2, (w - tw) / 2);
        double titleBase = y + SceneStyle.PAD_Y + SceneStyle.TITLE_SIZE * 0.98;
        if (!details) titleBase = y + h / 2 + SceneStyle.TITLE_SIZE * 0.36;
        p.text(title, titleX, titleBase, SceneStyle.TITLE_SIZE, !initializer, titleColor);
        if (details) {
            double base = y + header + SceneStyle.BODY_SIZE * 1.05;
            for (String line : lines) {
                p.text(line, x + SceneStyle.PAD_X, base, SceneStyle.BODY_SIZE, false, theme.bodyText());
                base += SceneStyle.BODY_LINE;
            }
        }
    }

    /**
     * A collapsed group: a card with a shadow card behind it (it stands for many nodes), a coloured header with
     * the expand toggle and the group's name, its op count and mix below, and a stacked bar along the bottom:
     * the mix of op categories, or the overlay's bar (e.g. how its members spread over a profile's colours).
     */
    private void drawCollapsedGroup(GraphScene s, Overlay.Resolved o, Painter p, double scale, int i) {
        double x = s.x(i), y = s.y(i), w = s.width(i), h = s.height(i);
        int fill = o.fillOf(s, i);
        boolean details = scale >= SceneStyle.DETAIL_ZOOM;
        double header = SceneStyle.PAD_Y + SceneStyle.TITLE_LINE + 1;
        double px = 1 / scale;
        p.fillRoundRect(x + 3, y + 3, w, h, SceneStyle.CORNER, 0x40243B5A);
        p.fillRoundRect(x, y, w, h, SceneStyle.CORNER, fill);
        if (details) p.fillRect(x + 1, y + header, w - 2, h - header - 1, theme.bodyFill());
        p.strokeRoundRect(x, y, w, h, SceneStyle.CORNER, theme.nodeBorder(), Math.max(1, px) * grow);
        int text = Colors.contrastingText(fill);
        drawToggle(p, x, y, true, text, 0, px);
        double titleX = x + SceneGroup.TOGGLE_INSET + SceneGroup.TOGGLE + 5;
        double titleBase = details ? y + SceneStyle.PAD_Y + SceneStyle.TITLE_SIZE * 0.98 : y + h / 2 + SceneStyle.TITLE_SIZE * 0.36;
        p.text(s.title(i), titleX, titleBase, SceneStyle.TITLE_SIZE, true, text);
        if (details) {
            double base = y + header + SceneStyle.BODY_SIZE * 1.05;
            for (String line : s.linesArray(i)) {
                p.text(line, x + SceneStyle.PAD_X, base, SceneStyle.BODY_SIZE, false, theme.bodyText());
                base += SceneStyle.BODY_LINE;
            }
            drawBar(p, barOf(s, o, i), x + 1, y + h - 5, w - 2, 4);
        }
    }

    private static Overlay.Bar barOf(GraphScene s, Overlay.Resolved o, int i) {
        if (o.bar()[i] != null) return o.bar()[i];
        OpCategory[] cats = OpCategory.values();
        int[] colors = new int[cats.length];
        for (int c = 0; c < cats.length; c++) colors[c] = cats[c].fill();
        return new Overlay.Bar(colors, s.groupContent(i).categoryCounts());
    }

    /** Segments left to right in proportion to their weights. */
    private static void drawBar(Painter p, Overlay.Bar bar, double x, double y, double w, double h) {
        int total = bar.total();
        if (total <= 0) return;
        int[] colors = bar.colors(), weights = bar.weights();
        double at = x;
        for (int k = 0; k < colors.length; k++) {
            if (weights[k] <= 0) continue;
            double sw = w * weights[k] / total;
            p.fillRect(at, y, sw, h, colors[k]);
            at += sw;
        }
    }

    /** The square expand (+) or collapse (−) toggle at a box's top-left corner. */
    private void drawToggle(Painter p, double bx, double by, boolean plus, int ink, int background, double px) {
        double t = SceneGroup.TOGGLE, x = bx + SceneGroup.TOGGLE_INSET, y = by + SceneGroup.TOGGLE_INSET;
        double lw = Math.max(1.2, px) * Math.min(grow, 1.5);
        if (background != 0) p.fillRoundRect(x, y, t, t, 3, background);
        p.strokeRoundRect(x, y, t, t, 3, ink, lw);
        double m = 3;
        p.fillRect(x + m, y + (t - lw) / 2, t - 2 * m, lw, ink);
        if (plus) p.fillRect(x + (t - lw) / 2, y + m, lw, t - 2 * m, ink);
    }

    /** Overlay borders and badges, search hits, hover and selection, drawn over everything else. */
    private void drawEmphasis(GraphScene s, Overlay.Resolved o, DrawOptions opt, Painter p, double scale, double px) {
        for (int k = 0; k < visibleCount; k++) {
            int i = visible[k];
            if (o.border()[i] != 0) {
                double bw = Math.max(o.borderWidth()[i], px) * grow;
                p.strokeRoundRect(s.x(i), s.y(i), s.width(i), s.height(i), SceneStyle.CORNER, o.border()[i], bw);
            }
            if (opt.hits().get(i)) outline(s, p, i, theme.searchHit(), 3 * Math.max(1, px) * grow, 2 * Math.max(1, px) * grow);
            if (opt.marked().get(i)) outline(s, p, i, theme.selection(), 2.5 * Math.max(1, px) * grow, 2 * Math.max(1, px) * grow);
        }
        if (opt.hovered() >= 0 && opt.hovered() < s.nodeCount() && opt.hovered() != opt.selected()) {
            outline(s, p, opt.hovered(), theme.hover(), 2 * Math.max(1, px) * grow, 1.5 * Math.max(1, px) * grow);
        }
        int sel = opt.selected();
        if (sel >= 0 && sel < s.nodeCount()) {
            double w = Math.max(2, 2 * px) * grow;
            for (int e : s.incoming(sel)) p.polyline(s.points(e), 0, theme.selection(), w);
            for (int e : s.outgoing(sel)) p.polyline(s.points(e), 0, theme.selection(), w);
            outline(s, p, sel, theme.selection(), 3 * Math.max(1, px) * grow, 2 * Math.max(1, px) * grow);
        }
        // Badges last: no hit, hover or selection outline may cover them.
        if (scale >= SceneStyle.TITLE_ZOOM) {
            for (int k = 0; k < visibleCount; k++) {
                int i = visible[k];
                String badge = o.badge()[i];
                if (badge != null && !badge.isEmpty()) drawBadge(p, badge, s.x(i) + s.width(i), s.y(i), px);
            }
        }
    }

    private static void outline(GraphScene s, Painter p, int i, int argb, double width, double gap) {
        p.strokeRoundRect(s.x(i) - gap, s.y(i) - gap, s.width(i) + 2 * gap, s.height(i) + 2 * gap,
                SceneStyle.CORNER + gap, argb, width);
    }

    /**
     * A dark pill resting on the node's top-right corner, wholly above the node and clear of its hit, hover and
     * selection outlines: straddling the corner, it covered the end of long titles (the layers' 40-unit gap
     * leaves room above).
     */
    private void drawBadge(Painter p, String text, double right, double top, double px) {
        double[] b = badgeBounds(text, right, top, px, grow);
        double size = 9 * grow;
        p.fillRoundRect(b[0], b[1], b[2], b[3], b[3], BADGE_FILL);
        p.text(text, b[0] + 4 * grow, b[1] + b[3] - 4 * grow, size, true, 0xFFFFFFFF);
    }

    /** The badge pill's fill (tests find badges by it). */
    static final int BADGE_FILL = 0xE6202428;

    /** x, y, width and height of the badge pill for a node whose top-right corner is (right, top). */
    static double[] badgeBounds(String text, double right, double top, double px, double grow) {
        double size = 9 * grow;
        double w = Painter.textWidth(text, size, true) + 8 * grow;
        double h = size + 5 * grow;
        // The selection outline reaches 3.5 screen pixels out; one more keeps the pill off it.
        double lift = 4.5 * Math.max(1, px) * grow;
        return new double[] {right - w, top - lift - h, w, h};
    }

    /**
     * Draws a legend box with its top-left corner at (x, y); {@code unit} is the world size of one screen
     * pixel so the legend has the same on-screen size at any zoom.
     */
    public static void drawLegend(Painter p, Overlay.Legend legend, double x, double y, double unit) {
        drawLegend(p, legend, x, y, unit, SceneTheme.STANDARD);
    }

    /** {@link #drawLegend(Painter, Overlay.Legend, double, double, double)} in a theme's colours (the caller scales {@code unit}). */
    public static void drawLegend(Painter p, Overlay.Legend legend, double x, double y, double unit, SceneTheme theme) {
        if (legend == null) return;
        double title = 12 * unit, body = 11 * unit, pad = 8 * unit, row = 16 * unit, sw = 11 * unit;
        double w = Painter.textWidth(legend.title(), title, true);
        for (Overlay.LegendEntry e : legend.entries()) w = Math.max(w, sw + 6 * unit + Painter.textWidth(e.label(), body, false));
        w += 2 * pad;
        double h = pad * 2 + title * 1.3 + legend.entries().size() * row;
        p.fillRoundRect(x, y, w, h, 8 * unit, theme.legendFill());
        p.strokeRoundRect(x, y, w, h, 8 * unit, theme.nodeBorder(), unit);
        p.text(legend.title(), x + pad, y + pad + title, title, true, theme.legendText());
        double ry = y + pad + title * 1.3;
        for (Overlay.LegendEntry e : legend.entries()) {
            p.fillRoundRect(x + pad, ry + (row - sw) / 2, sw, sw, 3 * unit, e.color());
            p.text(e.label(), x + pad + sw + 6 * unit, ry + row / 2 + body * 0.36, body, false, theme.legendText());
            ry += row;
        }
    }

    /** Width and height (in units of {@code unit}) that {@link #drawLegend} will use. */
    public static double[] legendSize(Overlay.Legend legend, double unit) {
        double title = 12 * unit, body = 11 * unit, pad = 8 * unit, row = 16 * unit, sw = 11 * unit;
        double w = Painter.textWidth(legend.title(), title, true);
        for (Overlay.LegendEntry e : legend.entries()) w = Math.max(w, sw + 6 * unit + Painter.textWidth(e.label(), body, false));
        return new double[] {w + 2 * pad, pad * 2 + title * 1.3 + legend.entries().size() * row};
    }
}
