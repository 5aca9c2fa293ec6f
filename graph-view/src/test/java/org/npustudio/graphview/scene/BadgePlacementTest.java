package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overlay badges (the profiler's "0.42 ms · 1.3 MB") read in full: the pill does not overlap the node's title
 * text, and no outline (search hit, hover, selection) is drawn over it. Bounds come from the painter calls
 * the drawer makes, so the test sees what the screen gets.
 */
class BadgePlacementTest {
    private static final int BADGE_FILL = 0xE6202428;
    private static final String TITLE = "BatchNormalization";

    /** A drawing call with its bounding box (text: from ascent to descent at the measured width). */
    private record Call(String kind, String text, int argb, double x0, double y0, double x1, double y1) {
        boolean intersects(Call o) { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    }

    /** Records the boxes of filled round rects, outlines and text. */
    private static final class Boxes implements Painter {
        final List<Call> calls = new ArrayList<>();

        @Override public void fillRect(double x, double y, double w, double h, int argb) {}
        @Override public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) {
            calls.add(new Call("fill", null, argb, x, y, x + w, y + h));
        }
        @Override public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lw) {
            calls.add(new Call("stroke", null, argb, x - lw / 2, y - lw / 2, x + w + lw / 2, y + h + lw / 2));
        }
        @Override public void fillTriangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb) {}
        @Override public void polyline(double[] points, double minStep, int argb, double lineWidth) {}
        @Override public void fillCircle(double cx, double cy, double r, int argb) {}
        @Override public void text(String s, double x, double y, double size, boolean bold, int argb, Anchor anchor) {
            double w = Painter.textWidth(s, size, bold);
            calls.add(new Call("text", s, argb, x, y - size, x + w, y + size * 0.25));
        }
    }

    /** One node whose title fills its width, with a badge; an input above it at the layout's 40-unit layer gap. */
    private static GraphScene scene(double width, boolean details) {
        GraphScene.Builder b = GraphScene.builder();
        int in = b.addNode("in", NodeKind.INPUT, 0, 0, width, 30, "input", List.of(), OpCategory.INPUT_OUTPUT);
        int bn = b.addNode("bn", NodeKind.OPERATOR, 0, 70, width, details ? 60 : 30, TITLE,
                details ? List.of("epsilon 1.0E-5", "momentum 0.9", "1×64×112×112") : List.of(), OpCategory.NORMALISATION);
        b.addEdge(in, bn, new double[] {width / 2, 30, width / 2, 70}, "x", "");
        return b.build();
    }

    private static Boxes draw(GraphScene s, double scale, DrawOptions opt) {
        Overlay overlay = Overlay.builder().fill("bn", 0xFF414487).badge("bn", "0.42 ms · 1.3 MB").build();
        Boxes r = new Boxes();
        new SceneDrawer().draw(s, overlay.resolve(s), opt, r, scale, -200, -200, 600, 600);
        return r;
    }

    private static Call only(List<Call> calls, java.util.function.Predicate<Call> p, String what) {
        List<Call> found = calls.stream().filter(p).toList();
        assertEquals(1, found.size(), what + ": " + calls);
        return found.get(0);
    }

    @Test
    void theBadgeLeavesTheTitleReadableWithAndWithoutDetails() {
        double titleWidth = Painter.textWidth(TITLE, SceneStyle.TITLE_SIZE, true);
        // Detailed (title top-left in the header) and plain (title centred) nodes whose title reaches the right edge.
        for (double scale : new double[] {1.0, 0.5}) {
            GraphScene s = scene(titleWidth + SceneStyle.PAD_X * 2, scale >= SceneStyle.DETAIL_ZOOM);
            Boxes r = draw(s, scale, DrawOptions.PLAIN);
            Call badge = only(r.calls, c -> c.kind().equals("fill") && c.argb() == BADGE_FILL, "one badge at " + scale);
            Call title = only(r.calls, c -> TITLE.equals(c.text()), "one title at " + scale);
            assertFalse(badge.intersects(title), "at zoom " + scale + " the badge " + badge + " covers the title " + title);
            Call input = only(r.calls, c -> "input".equals(c.text()), "the input's title");
            assertTrue(badge.y0() > s.y(0) + s.height(0), "the badge stays in the gap below the node above: " + badge);
            assertFalse(badge.intersects(input));
        }
    }

    @Test
    void noOutlineIsDrawnOverTheBadge() {
        GraphScene s = scene(150, true);
        BitSet hits = new BitSet();
        hits.set(1);
        // Selected, hovered and a search hit: every outline the view draws around a node.
        for (DrawOptions opt : List.of(new DrawOptions(false, 1, -1, hits), new DrawOptions(false, -1, 1, hits))) {
            Boxes r = draw(s, 1.0, opt);
            int at = -1;
            for (int k = 0; k < r.calls.size(); k++) if (r.calls.get(k).argb() == BADGE_FILL) at = k;
            assertTrue(at >= 0, "a badge is drawn");
            Call badge = r.calls.get(at);
            for (Call later : r.calls.subList(at + 1, r.calls.size())) {
                if (later.kind().equals("text") && later.argb() == 0xFFFFFFFF) continue; // the badge's own text
                assertFalse(later.intersects(badge), later + " is drawn over the badge " + badge);
            }
            assertTrue(r.calls.subList(0, at).stream().anyMatch(c -> c.kind().equals("stroke") && c.argb() == SceneTheme.STANDARD.searchHit()),
                    "the search-hit outline comes before the badge");
        }
    }
}
