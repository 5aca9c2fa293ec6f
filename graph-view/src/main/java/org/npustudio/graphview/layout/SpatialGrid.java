package org.npustudio.graphview.layout;

import java.util.function.IntConsumer;

/**
 * A uniform grid over axis-aligned boxes: rectangle queries (culling, hit tests) and overlapping pairs (crossing
 * and overlap counts) without comparing everything with everything. Items are stored per cell in one flat array
 * (CSR layout), in index order. An item spanning several cells is reported once: only by the cell that holds the
 * low corner of its overlap with the query box (or, for a pair, of the two boxes' overlap). Queries keep no
 * mutable state, so several threads may share a grid. Boxes are closed: touching counts as overlapping.
 *
 * <p><b>Overflow rule.</b> The cell side starts at the size the caller's preset asks for and doubles until the
 * grid has at most {@value #MAX_CELLS} cells, so very sparse or elongated drawings never allocate more; a
 * drawing whose extent is not finite is one cell. Positions outside the grid fall into its border cells, so
 * queries anywhere (outside the bounds, huge or infinite coordinates) are answered exactly. A box with a NaN
 * coordinate or min above max is never reported; neither is a query rectangle like that.
 */
public final class SpatialGrid {
    /** Receives a pair of overlapping boxes, {@code a < b}, once per pair. */
    public interface PairVisitor {
        void visit(int a, int b);
    }

    static final long MAX_CELLS = 4_000_000L;

    private final double[] minX, minY, maxX, maxY;
    private final double originX, originY, cell;
    private final int cols, rows;
    private final int[] cellStart; // cols*rows + 1 offsets into items
    private final int[] items;

    /** Extent of the valid boxes and the sum of their longer sides. */
    private record Bounds(double x0, double y0, double x1, double y1, int count, double sumSide) {
        double width() { return x1 - x0; }

        double height() { return y1 - y0; }
    }

    /** For culling and hit tests: about one item per cell, cells no smaller than a typical item (nor 16 units). */
    public static SpatialGrid forQueries(double[] minX, double[] minY, double[] maxX, double[] maxY) {
        Bounds b = bounds(minX, minY, maxX, maxY);
        double typical = b.count() == 0 ? 1 : b.sumSide() / b.count();
        double area = Math.max(1, b.width() * b.height());
        double side = Math.max(Math.max(typical, 16), Math.sqrt(area / Math.max(1, b.count())) * 1.5);
        return new SpatialGrid(minX, minY, maxX, maxY, b, side);
    }

    /** For overlapping pairs: cells about twice the average item, and no more than ~4 cells per item overall. */
    public static SpatialGrid forPairs(double[] minX, double[] minY, double[] maxX, double[] maxY) {
        Bounds b = bounds(minX, minY, maxX, maxY);
        int n = Math.max(1, b.count());
        double side = Math.max(2 * b.sumSide() / n, Math.sqrt(b.width() * b.height() / (4.0 * n)));
        return new SpatialGrid(minX, minY, maxX, maxY, b, side);
    }

    private static boolean valid(double x0, double y0, double x1, double y1) {
        return x0 <= x1 && y0 <= y1; // false for NaN
    }

    private static Bounds bounds(double[] minX, double[] minY, double[] maxX, double[] maxY) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        double sumSide = 0;
        int count = 0;
        for (int i = 0; i < minX.length; i++) {
            if (!valid(minX[i], minY[i], maxX[i], maxY[i])) continue;
            x0 = Math.min(x0, minX[i]);
            y0 = Math.min(y0, minY[i]);
            x1 = Math.max(x1, maxX[i]);
            y1 = Math.max(y1, maxY[i]);
            sumSide += Math.max(maxX[i] - minX[i], maxY[i] - minY[i]);
            count++;
        }
        return count == 0 ? new Bounds(0, 0, 0, 0, 0, 0) : new Bounds(x0, y0, x1, y1, count, sumSide);
    }

    private SpatialGrid(double[] minX, double[] minY, double[] maxX, double[] maxY, Bounds b, double side) {
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        originX = b.x0();
        originY = b.y0();
        double c = side > 0 && Double.isFinite(side) ? side : 1;
        double cx = 1, cy = 1;
        if (Double.isFinite(b.width()) && Double.isFinite(b.height())) {
            while (true) {
                cx = Math.floor(b.width() / c) + 1;
                cy = Math.floor(b.height() / c) + 1;
                if (cx * cy <= MAX_CELLS) break;
                c *= 2;
            }
        } else {
            c = Double.POSITIVE_INFINITY; // one cell: every position maps to it
        }
        cell = c;
        cols = (int) cx;
        rows = (int) cy;
        // CSR in two passes: count per cell, turn counts into end offsets, then fill from the back in
        // descending index order, which leaves each cell in ascending order and the offsets as cell starts.
        int cells = cols * rows;
        int[] pos = new int[cells + 1];
        for (int i = 0; i < minX.length; i++) {
            if (!valid(minX[i], minY[i], maxX[i], maxY[i])) continue;
            for (int r = bin(minY[i], originY), r1 = bin(maxY[i], originY); r <= r1; r++)
                for (int k = bin(minX[i], originX), k1 = bin(maxX[i], originX); k <= k1; k++) pos[r * cols + k]++;
        }
        for (int j = 1; j <= cells; j++) pos[j] += pos[j - 1];
        items = new int[pos[cells]];
        for (int i = minX.length - 1; i >= 0; i--) {
            if (!valid(minX[i], minY[i], maxX[i], maxY[i])) continue;
            for (int r = bin(minY[i], originY), r1 = bin(maxY[i], originY); r <= r1; r++)
                for (int k = bin(minX[i], originX), k1 = bin(maxX[i], originX); k <= k1; k++) items[--pos[r * cols + k]] = i;
        }
        cellStart = pos;
    }

    /**
     * Cell of a coordinate inside the bounds (every valid box's): the quotient is in [0, cells per side), so a
     * cast truncates like floor; with the one infinite cell it is 0 or NaN, which casts to 0.
     */
    private int bin(double v, double origin) { return (int) ((v - origin) / cell); }

    /** Number of cells (at most {@link #MAX_CELLS}). */
    long cellCount() { return (long) cols * rows; }

    /** Column of any position (a query's), clamped into the grid; NaN and infinities included. */
    private int col(double x) { return Math.max(0, Math.min(cols - 1, (int) Math.floor((x - originX) / cell))); }

    private int row(double y) { return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - originY) / cell))); }

    /** Reports every item whose box intersects the rectangle (edges touching count), each once, in index order per cell. */
    public void query(double x0, double y0, double x1, double y1, IntConsumer out) {
        if (items.length == 0 || !valid(x0, y0, x1, y1)) return;
        int c0 = col(x0), c1 = col(x1), r0 = row(y0), r1 = row(y1);
        for (int r = r0; r <= r1; r++) {
            for (int k = c0; k <= c1; k++) {
                int cellIndex = r * cols + k;
                for (int p = cellStart[cellIndex]; p < cellStart[cellIndex + 1]; p++) {
                    int i = items[p];
                    if (maxX[i] < x0 || minX[i] > x1 || maxY[i] < y0 || minY[i] > y1) continue;
                    // Report in the first cell of (item box ∩ query box) only.
                    if (k != Math.max(c0, bin(minX[i], originX)) || r != Math.max(r0, bin(minY[i], originY))) continue;
                    out.accept(i);
                }
            }
        }
    }

    /** Visits each pair of boxes whose closed extents overlap, exactly once, cell by cell in row-major order. */
    public void forEachOverlappingPair(PairVisitor visitor) {
        for (int cellIndex = 0; cellIndex < cols * rows; cellIndex++) {
            int start = cellStart[cellIndex], end = cellStart[cellIndex + 1];
            if (end - start < 2) continue;
            int k = cellIndex % cols, r = cellIndex / cols;
            for (int p = start; p < end; p++) {
                int a = items[p];
                for (int q = p + 1; q < end; q++) {
                    int b = items[q];
                    double ox = Math.max(minX[a], minX[b]), oy = Math.max(minY[a], minY[b]);
                    if (ox > Math.min(maxX[a], maxX[b]) || oy > Math.min(maxY[a], maxY[b])) continue;
                    // Report in the cell holding the low corner of the overlap only.
                    if (bin(ox, originX) != k || bin(oy, originY) != r) continue;
                    visitor.visit(a, b);
                }
            }
        }
    }
}
