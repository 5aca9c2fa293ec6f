package org.npustudio.npusim.mapping;

import java.util.BitSet;
import org.npustudio.ir.Node;

/**
 * Spatial arithmetic of ONNX convolutions and pools: resolved pads (incl. auto_pad), output sizes and
 * the number of input positions the windows actually touch (a 1x1 stride-2 window skips every other
 * row and column, so it reads a quarter of its input).
 */
public record ConvGeometry(long[] in, long[] kernel, long[] strides, long[] dilations, long[] padBegin, long[] padEnd, long[] out) {

    /** Geometry of a conv or pool node over spatial input sizes {@code in} and kernel {@code kernel}. */
    public static ConvGeometry of(Node node, long[] in, long[] kernel, boolean ceilMode) {
        int r = in.length;
        long[] s = orOnes(node.attrLongs("strides"), r);
        long[] d = orOnes(node.attrLongs("dilations"), r);
        long[] pb = new long[r];
        long[] pe = new long[r];
        long[] pads = node.attrLongs("pads");
        String auto = node.attrString("auto_pad", "NOTSET");
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            long extent = d[i] * (kernel[i] - 1) + 1;
            if (auto.startsWith("SAME")) {
                out[i] = (in[i] + s[i] - 1) / s[i];
                long total = Math.max(0, (out[i] - 1) * s[i] + extent - in[i]);
                pb[i] = auto.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                pe[i] = total - pb[i];
                continue;
            }
            if (!auto.equals("VALID") && pads != null && pads.length == 2 * r) {
                pb[i] = pads[i];
                pe[i] = pads[i + r];
            }
            long span = in[i] + pb[i] + pe[i] - extent;
            out[i] = span < 0 ? 0 : (ceilMode ? (span + s[i] - 1) / s[i] : span / s[i]) + 1;
        }
        return new ConvGeometry(in, kernel, s, d, pb, pe, out);
    }

    /** SCALE-Sim's geometry: no padding, ofmap = ceil((ifmap - filter + stride) / stride). */
    public static ConvGeometry scaleSim(long[] in, long[] kernel, long stride, long[] out) {
        int r = in.length;
        long[] s = new long[r];
        java.util.Arrays.fill(s, stride);
        return new ConvGeometry(in, kernel, s, orOnes(null, r), new long[r], new long[r], out);
    }

    public long outputPositions() { return product(out); }

    public long kernelSize() { return product(kernel); }

    /** Input positions covered by at least one window (the unique ifmap pixels a conv must read). */
    public long touchedPositions() {
        long p = 1;
        for (int i = 0; i < in.length; i++) p *= touched(i);
        return p;
    }

    private long touched(int axis) {
        long n = in[axis];
        if (n > (1 << 24)) return n;
        BitSet hit = new BitSet((int) n);
        for (long o = 0; o < out[axis]; o++) {
            for (long t = 0; t < kernel[axis]; t++) {
                long idx = o * strides[axis] + t * dilations[axis] - padBegin[axis];
                if (idx >= 0 && idx < n) hit.set((int) idx);
            }
            if (hit.cardinality() == n) break;
        }
        return hit.cardinality();
    }

    /** Rows of the first spatial axis a line buffer must hold: window extent plus one stride. */
    public int windowRows() {
        if (in.length == 0) return 0;
        return (int) Math.min(Integer.MAX_VALUE, dilations[0] * (kernel[0] - 1) + 1 + strides[0]);
    }

    static long product(long[] a) {
        long p = 1;
        for (long v : a) p = Math.multiplyExact(p, v);
        return p;
    }

    private static long[] orOnes(long[] v, int r) {
        if (v != null && v.length == r) return v;
        long[] ones = new long[r];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }
}
