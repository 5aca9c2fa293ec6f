package org.npustudio.graphview.scene;

import java.util.function.IntConsumer;

/**
 * A uniform grid over axis-aligned boxes for culling and hit testing. Items are stored per cell in one
 * flat array (CSR layout); an item spanning several cells is reported once per query because only the
 * first cell of its overlap with the query reports it, so queries need no mutable "seen" marks and are
 * safe to run from several threads.
 */
final class SpatialGrid {
    private final double originX, originY, cell;
    private final int cols, rows;
    private final int[] cellStart;   // cols*rows + 1 offsets into items
    private final int[] items;
    private final double[] minX, minY, maxX, maxY;

    SpatialGrid(double[] minX, double[] minY, double[] maxX, double[] maxY) {
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        int n = minX.length;
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        double sumSide = 0;
        for (int i = 0; i < n; i++) {
            x0 = Math.min(x0, minX[i]);
            y0 = Math.min(y0, minY[i]);
            x1 = Math.max(x1, maxX[i]);
            y1 = Math.max(y1, maxY[i]);
            sumSide += Math.max(maxX[i] - minX[i], maxY[i] - minY[i]);
        }
        if (n == 0) x0 = y0 = x1 = y1 = 0;
        originX = x0;
        originY = y0;
        // About one item per cell on average, but cells no smaller than a typical item.
        double area = Math.max(1, (x1 - x0) * (y1 - y0));
        double typical = n == 0 ? 1 : sumSide / n;
        double c = Math.max(Math.max(typical, 16), Math.sqrt(area / Math.max(1, n)) * 1.5);
        long cx, cy;
        while (true) {
            cx = (long) Math.floor((x1 - x0) / c) + 1;
            cy = (long) Math.floor((y1 - y0) / c) + 1;
            if (cx * cy <= 4_000_000L) break;
            c *= 2; // very elongated or sparse drawings: keep the grid below ~4M cells
        }
        cell = c;
        cols = (int) cx;
        rows = (int) cy;
        int[] count = new int[cols * rows + 1];
        for (int i = 0; i < n; i++) {
            for (int r = row(minY[i]); r <= row(maxY[i]); r++)
                for (int k = col(minX[i]); k <= col(maxX[i]); k++) count[r * cols + k + 1]++;
        }
        for (int i = 1; i < count.length; i++) count[i] += count[i - 1];
        cellStart = count.clone();
        int[] fill = count;
        items = new int[cellStart[cellStart.length - 1]];
        for (int i = 0; i < n; i++) {
            for (int r = row(minY[i]); r <= row(maxY[i]); r++)
                for (int k = col(minX[i]); k <= col(maxX[i]); k++) items[fill[r * cols + k]++] = i;
        }
    }

    private int col(double x) { return Math.max(0, Math.min(cols - 1, (int) Math.floor((x - originX) / cell))); }

    private int row(double y) { return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - originY) / cell))); }

    /** Reports every item whose box intersects the rectangle (edges touching count), each once, in index order per cell. */
    void query(double x0, double y0, double x1, double y1, IntConsumer out) {
        if (items.length == 0 || x1 < x0 || y1 < y0) return;
        int c0 = col(x0), c1 = col(x1), r0 = row(y0), r1 = row(y1);
        for (int r = r0; r <= r1; r++) {
            for (int k = c0; k <= c1; k++) {
                int cellIndex = r * cols + k;
                for (int p = cellStart[cellIndex]; p < cellStart[cellIndex + 1]; p++) {
                    int i = items[p];
                    if (maxX[i] < x0 || minX[i] > x1 || maxY[i] < y0 || minY[i] > y1) continue;
                    // Report in the first cell of (item box ∩ query box) only.
                    if (k != Math.max(c0, col(minX[i])) || r != Math.max(r0, row(minY[i]))) continue;
                    out.accept(i);
                }
            }
        }
    }
}
