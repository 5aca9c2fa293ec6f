package org.npustudio.graphview.layout;

/**
 * Uniform grid over axis-aligned boxes, for finding intersecting pairs without comparing all pairs.
 * Boxes are binned by every cell they cover; a pair is reported once, in the cell that holds the low corner
 * of the two boxes' overlap. Sort-based, so no hash iteration and a deterministic visiting order.
 */
final class SpatialGrid {
    /** Receives a candidate pair whose boxes overlap; returns nothing, counts on its own. */
    interface PairVisitor {
        void visit(int a, int b);
    }

    private SpatialGrid() {}

    /** Visits each pair of boxes (minX..maxX, minY..maxY) whose closed extents overlap, exactly once. */
    static void forEachOverlappingPair(double[] minX, double[] minY, double[] maxX, double[] maxY, PairVisitor visitor) {
        int n = minX.length;
        if (n < 2) return;
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        double sumExtent = 0;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, minX[i]);
            y0 = Math.min(y0, minY[i]);
            x1 = Math.max(x1, maxX[i]);
            y1 = Math.max(y1, maxY[i]);
            sumExtent += Math.max(maxX[i] - minX[i], maxY[i] - minY[i]);
        }
        // Cells about twice the average box extent, but no more than ~4 cells per box on average overall.
        double cell = Math.max(2 * sumExtent / n, Math.sqrt((x1 - x0) * (y1 - y0) / (4.0 * n)));
        if (!(cell > 0)) cell = 1;
        long cols = (long) Math.floor((x1 - x0) / cell) + 1;
        LongList entries = new LongList();
        for (int i = 0; i < n; i++) {
            long cx0 = (long) ((minX[i] - x0) / cell), cx1 = (long) ((maxX[i] - x0) / cell);
            long cy0 = (long) ((minY[i] - y0) / cell), cy1 = (long) ((maxY[i] - y0) / cell);
            for (long cy = cy0; cy <= cy1; cy++)
                for (long cx = cx0; cx <= cx1; cx++) entries.add(pack(cy * cols + cx, i));
        }
        long[] sorted = entries.toSortedArray();
        int start = 0;
        while (start < sorted.length) {
            long cellId = sorted[start] >>> 32;
            int end = start;
            while (end < sorted.length && sorted[end] >>> 32 == cellId) end++;
            long cx = cellId % cols, cy = cellId / cols;
            for (int p = start; p < end; p++) {
                int a = (int) sorted[p];
                for (int q = p + 1; q < end; q++) {
                    int b = (int) sorted[q];
                    double ox = Math.max(minX[a], minX[b]), oy = Math.max(minY[a], minY[b]);
                    if (ox > Math.min(maxX[a], maxX[b]) || oy > Math.min(maxY[a], maxY[b])) continue;
                    if ((long) ((ox - x0) / cell) != cx || (long) ((oy - y0) / cell) != cy) continue;
                    visitor.visit(a, b);
                }
            }
            start = end;
        }
    }

    private static long pack(long cellId, int index) {
        if (cellId >= (1L << 31)) throw new IllegalStateException("grid too large");
        return cellId << 32 | index;
    }
}
