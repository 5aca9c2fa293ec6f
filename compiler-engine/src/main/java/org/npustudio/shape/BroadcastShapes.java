package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;

/**
 * Numpy-style multidirectional broadcasting with symbolic dims: a known size other than 1 wins, a
 * lone symbol broadcast against 1 stays that symbol, and anything undecidable becomes unknown.
 */
final class BroadcastShapes {
    private BroadcastShapes() {}

    /** The broadcast shape, null when a shape is unknown; throws on incompatible known sizes. */
    static Shape broadcast(List<Shape> shapes, InferenceContext c) throws ShapeInferenceException {
        int rank = 0;
        for (Shape s : shapes) {
            if (s == null) return null;
            rank = Math.max(rank, s.rank());
        }
        List<Dim> out = new ArrayList<>(rank);
        for (int k = 0; k < rank; k++) {
            List<Dim> column = new ArrayList<>(shapes.size());
            for (Shape s : shapes) {
                int j = k - (rank - s.rank());
                if (j >= 0) column.add(s.dim(j));
            }
            Dim d = combine(column);
            if (d == null) throw c.fail("cannot broadcast shapes " + shapes + ": sizes " + column
                    + " differ at dimension " + k);
            out.add(d);
        }
        return Shape.of(out);
    }

    /** Combines the dims of one aligned position; null when two known sizes other than 1 differ. */
    static Dim combine(List<Dim> column) {
        Dim known = null;
        Dim other = null;
        boolean ambiguous = false;
        for (Dim d : column) {
            if (d.isKnown()) {
                if (d.value() == 1) continue;
                if (known != null && known.value() != d.value()) return null;
                known = d;
            } else if (other == null) {
                other = d;
            } else if (!DimMath.sameExtent(other, d)) {
                ambiguous = true;
            }
        }
        if (known != null) return known;
        if (other == null) return Dim.of(1);
        return ambiguous ? Dim.UNKNOWN : other;
    }

    /** Positions in a source of shape {@code src} that each element of {@code out} reads when broadcast. */
    static int[] sourceIndex(long[] out, long[] src) {
        int n = Math.toIntExact(ConstValue.count(out));
        int[] idx = new int[n];
        int offset = out.length - src.length;
        long[] coord = new long[out.length];
        for (int i = 0; i < n; i++) {
            long flat = 0;
            for (int k = 0; k < src.length; k++) {
                long c = src[k] == 1 ? 0 : coord[k + offset];
                flat = flat * src[k] + c;
            }
            idx[i] = (int) flat;
            for (int k = out.length - 1; k >= 0; k--) {
                if (++coord[k] < out[k]) break;
                coord[k] = 0;
            }
        }
        return idx;
    }
}
