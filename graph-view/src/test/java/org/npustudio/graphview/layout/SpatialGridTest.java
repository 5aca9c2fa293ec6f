package org.npustudio.graphview.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The grid against brute force, and its overflow rule on empty, out-of-bounds, huge and broken coordinates. */
class SpatialGridTest {
    /** Boxes as four parallel arrays. */
    private record Boxes(double[] x0, double[] y0, double[] x1, double[] y1) {
        static Boxes of(double... xyxy) {
            int n = xyxy.length / 4;
            Boxes b = new Boxes(new double[n], new double[n], new double[n], new double[n]);
            for (int i = 0; i < n; i++) {
                b.x0[i] = xyxy[4 * i];
                b.y0[i] = xyxy[4 * i + 1];
                b.x1[i] = xyxy[4 * i + 2];
                b.y1[i] = xyxy[4 * i + 3];
            }
            return b;
        }

        boolean overlaps(int i, double qx0, double qy0, double qx1, double qy1) {
            return x0[i] <= qx1 && qx0 <= x1[i] && y0[i] <= qy1 && qy0 <= y1[i] && x0[i] <= x1[i] && y0[i] <= y1[i];
        }

        SpatialGrid queries() { return SpatialGrid.forQueries(x0, y0, x1, y1); }

        SpatialGrid pairs() { return SpatialGrid.forPairs(x0, y0, x1, y1); }
    }

    private static List<Integer> query(SpatialGrid g, double x0, double y0, double x1, double y1) {
        List<Integer> out = new ArrayList<>();
        g.query(x0, y0, x1, y1, out::add);
        out.sort(null);
        return out;
    }

    private static List<Integer> bruteQuery(Boxes b, double x0, double y0, double x1, double y1) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < b.x0.length; i++) if (b.overlaps(i, x0, y0, x1, y1)) out.add(i);
        return out;
    }

    private static List<Long> pairs(SpatialGrid g) {
        List<Long> out = new ArrayList<>();
        g.forEachOverlappingPair((a, c) -> out.add((long) a << 32 | c));
        out.sort(null);
        return out;
    }

    private static List<Long> brutePairs(Boxes b) {
        List<Long> out = new ArrayList<>();
        for (int a = 0; a < b.x0.length; a++) {
            for (int c = a + 1; c < b.x0.length; c++) {
                if (b.overlaps(a, b.x0[c], b.y0[c], b.x1[c], b.y1[c]) && b.overlaps(c, b.x0[a], b.y0[a], b.x1[a], b.y1[a])) out.add((long) a << 32 | c);
            }
        }
        return out;
    }

    private static Boxes random(int n, double spread, double size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[4 * n];
        for (int i = 0; i < n; i++) {
            double x = r.nextDouble() * spread, y = r.nextDouble() * spread / 3;
            v[4 * i] = x;
            v[4 * i + 1] = y;
            v[4 * i + 2] = x + r.nextDouble() * size * (r.nextInt(20) == 0 ? 20 : 1); // a few long boxes span many cells
            v[4 * i + 3] = y + r.nextDouble() * size;
        }
        return Boxes.of(v);
    }

    @Test
    void queriesAndPairsMatchBruteForceEachReportedOnce() {
        for (long seed = 1; seed <= 5; seed++) {
            Boxes b = random(600, 3000, 60, seed);
            SpatialGrid g = b.queries();
            SplittableRandom r = new SplittableRandom(seed * 31);
            for (int q = 0; q < 200; q++) {
                double x = r.nextDouble() * 3400 - 200, y = r.nextDouble() * 1200 - 100, w = r.nextDouble() * 500, h = r.nextDouble() * 300;
                assertEquals(bruteQuery(b, x, y, x + w, y + h), query(g, x, y, x + w, y + h));
            }
            assertEquals(brutePairs(b), pairs(b.pairs()));
            assertEquals(brutePairs(b), pairs(g)); // the preset only changes the cell size, never the answer
        }
    }

    @Test
    void touchingBoxesOverlap() {
        Boxes b = Boxes.of(0, 0, 10, 10, 10, 0, 20, 10, 21, 0, 30, 10);
        assertEquals(List.of(1L), pairs(b.pairs()));
        assertEquals(List.of(0, 1), query(b.queries(), 10, 5, 10, 5));
    }

    @Test
    void emptyGridAnswersNothing() {
        Boxes none = Boxes.of();
        assertEquals(List.of(), query(none.queries(), -1e9, -1e9, 1e9, 1e9));
        assertEquals(List.of(), pairs(none.pairs()));
        assertEquals(1, none.queries().cellCount());
    }

    @Test
    void queriesOutsideTheBoundsClampToTheBorderCells() {
        Boxes b = random(300, 1000, 30, 9);
        SpatialGrid g = b.queries();
        assertEquals(List.of(), query(g, -500, -500, -400, -400));
        assertEquals(List.of(), query(g, 5000, 5000, 6000, 6000));
        assertEquals(bruteQuery(b, -1e300, -1e300, 1e300, 1e300), query(g, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        // A strip reaching from far outside into the drawing finds what it covers.
        assertEquals(bruteQuery(b, -1e12, 100, 400, 120), query(g, -1e12, 100, 400, 120));
    }

    @Test
    void hugeAndSparseCoordinatesStayWithinTheCellCap() {
        // Zero-size boxes 1e10 apart on one line: a 1-unit cell would need 2e10 cells (the pair finder used to throw).
        Boxes line = Boxes.of(0, 0, 0, 0, 1e10, 0, 1e10, 0, 2e10, 0, 2e10, 0, 2e10, 0, 2e10, 0);
        assertTrue(line.pairs().cellCount() <= SpatialGrid.MAX_CELLS);
        assertEquals(List.of(2L << 32 | 3), pairs(line.pairs()));
        assertEquals(List.of(1), query(line.queries(), 1e10, -1, 1e10, 1));
        // Coordinates near the double range: the extent overflows to infinity and the grid is one cell.
        Boxes far = Boxes.of(-1e308, -1e308, -1e308, -1e308, 1e308, 1e308, 1e308, 1e308, 0, 0, 5, 5, 4, 4, 6, 6);
        assertEquals(1, far.queries().cellCount());
        assertEquals(List.of(2L << 32 | 3), pairs(far.pairs()));
        assertEquals(List.of(1), query(far.queries(), 1e308, 1e308, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        // A box that is infinite itself is found by any query that touches it.
        Boxes endless = Boxes.of(Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY, 1, 3, 3, 4, 4);
        assertEquals(List.of(0), query(endless.queries(), 1e200, 0.5, 1e200, 0.5));
    }

    @Test
    void brokenBoxesAndQueriesAreNeverReported() {
        Boxes b = Boxes.of(0, 0, 10, 10, Double.NaN, 0, 10, 10, 5, 5, 4, 6, 2, 2, 8, 8);
        assertEquals(List.of(0, 3), query(b.queries(), -100, -100, 100, 100));
        assertEquals(List.of(3L), pairs(b.pairs()));
        assertEquals(List.of(), query(b.queries(), Double.NaN, 0, 10, 10));
        assertEquals(List.of(), query(b.queries(), 10, 10, 0, 0));
    }
}
