package org.npustudio.graphview.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The presenter's theme: strokes grow by its scale, its colours replace the standard ones, a spotlight dims the rest. */
class SceneThemeTest {
    /** What a drawing did, one line per primitive: kind, colour and line width. */
    private static final class Recorder implements Painter {
        final List<String> calls = new ArrayList<>();

        @Override public void fillRect(double x, double y, double w, double h, int argb) { calls.add("rect " + Colors.hex(argb) + " " + x + "," + y); }

        @Override public void fillRoundRect(double x, double y, double w, double h, double arc, int argb) { calls.add("fill " + Colors.hex(argb)); }

        @Override public void strokeRoundRect(double x, double y, double w, double h, double arc, int argb, double lw) {
            calls.add("stroke " + Colors.hex(argb) + " " + lw);
        }

        @Override public void fillTriangle(double x1, double y1, double x2, double y2, double x3, double y3, int argb) {
            calls.add("arrow " + Math.round(Math.hypot(x1 - (x2 + x3) / 2, y1 - (y2 + y3) / 2) * 100) / 100.0);
        }

        @Override public void polyline(double[] p, double minStep, int argb, double lw) { calls.add("line " + Colors.hex(argb) + " " + lw); }

        @Override public void fillCircle(double cx, double cy, double r, int argb) { calls.add("circle " + Colors.hex(argb)); }

        @Override public void text(String s, double x, double y, double size, boolean bold, int argb, Anchor anchor) { calls.add("text " + s); }

        List<String> starting(String prefix) { return calls.stream().filter(c -> c.startsWith(prefix)).toList(); }
    }

    private static GraphScene chain() {
        GraphScene.Builder b = GraphScene.builder();
        int a = b.addNode("a", NodeKind.OPERATOR, 0, 0, 80, 30, "Conv", List.of(), OpCategory.CONV);
        int r = b.addNode("r", NodeKind.OPERATOR, 0, 80, 80, 30, "Relu", List.of(), OpCategory.ACTIVATION);
        int c = b.addNode("c", NodeKind.OPERATOR, 0, 160, 80, 30, "Add", List.of(), OpCategory.ELEMENTWISE);
        b.addEdge(a, r, new double[] {40, 30, 40, 80}, "t1", "");
        b.addEdge(r, c, new double[] {40, 110, 40, 160}, "t2", "");
        return b.build();
    }

    private static Recorder draw(SceneTheme theme, DrawOptions opt) {
        GraphScene s = chain();
        SceneDrawer d = new SceneDrawer();
        d.setTheme(theme);
        Recorder r = new Recorder();
        d.draw(s, Overlay.NONE.resolve(s), opt, r, 1, -50, -50, 200, 300);
        return r;
    }

    @Test
    void highContrastScaleThickensEveryStrokeAndArrowAndSwapsTheColours() {
        Recorder plain = draw(SceneTheme.STANDARD, new DrawOptions(false, 1, -1, new BitSet()));
        Recorder big = draw(SceneTheme.highContrast(2), new DrawOptions(false, 1, -1, new BitSet()));
        assertEquals(List.of("line #7d8590 1.2", "line #7d8590 1.2", "line #ff8a00 2.0", "line #ff8a00 2.0"), plain.starting("line"));
        assertEquals(List.of("line #e8e8e8 2.4", "line #e8e8e8 2.4", "line #ffd400 4.0", "line #ffd400 4.0"), big.starting("line"));
        assertEquals(List.of("arrow 7.0", "arrow 7.0"), plain.starting("arrow"));
        assertEquals(List.of("arrow 14.0", "arrow 14.0"), big.starting("arrow"));
        assertTrue(big.starting("stroke").contains("stroke #ffd400 6.0"), "the selection outline is twice as thick: " + big.starting("stroke"));
    }

    @Test
    void theStandardThemeIsWhatTheDrawerUsesUnlessTold() {
        GraphScene s = chain();
        Recorder told = draw(SceneTheme.STANDARD, DrawOptions.PLAIN);
        Recorder untold = new Recorder();
        new SceneDrawer().draw(s, Overlay.NONE.resolve(s), DrawOptions.PLAIN, untold, 1, -50, -50, 200, 300);
        assertEquals(untold.calls, told.calls);
    }

    @Test
    void spotlightVeilsTheViewThenRedrawsOnlyItsNodesAndTheEdgesAmongThem() {
        BitSet lit = new BitSet();
        lit.set(1);
        lit.set(2);
        Recorder r = draw(SceneTheme.STANDARD, new DrawOptions(false, -1, -1, new BitSet(), null, lit));
        int veil = r.calls.indexOf("rect #f7f8fa -50.0,-50.0");
        assertTrue(veil > 0, r.calls.toString());
        List<String> after = r.calls.subList(veil + 1, r.calls.size());
        assertEquals(List.of("text Relu", "text Add"), after.stream().filter(c -> c.startsWith("text")).toList(), "only r and c come back");
        assertEquals(1, after.stream().filter(c -> c.startsWith("line")).count(), "only the edge r → c comes back");
        assertEquals(2, after.stream().filter(c -> c.startsWith("stroke #ff8a00")).count(), "each spotlit node is outlined");
        Recorder none = draw(SceneTheme.STANDARD, DrawOptions.PLAIN);
        assertTrue(none.calls.stream().noneMatch(c -> c.startsWith("rect #f7f8fa")), "no spotlight, no veil");
    }

    @Test
    void aScaleOutsideOneToFourIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SceneTheme.highContrast(0.5));
        assertThrows(IllegalArgumentException.class, () -> SceneTheme.highContrast(Double.NaN));
    }
}
