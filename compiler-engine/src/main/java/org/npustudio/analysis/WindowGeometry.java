package org.npustudio.analysis;

import org.npustudio.ir.Node;

/**
 * Output spatial sizes of sliding-window operators (Conv, pools, ConvTranspose) from the input
 * sizes and the node's attributes, following the ONNX operator definitions.
 */
final class WindowGeometry {
    private WindowGeometry() {}

    /** Kernel sizes: the kernel_shape attribute, else the weight's trailing dims; null if neither. */
    static long[] kernel(Node n, long[] weight, int spatialRank) {
        long[] k = n.attrLongs("kernel_shape");
        if (k != null) return k.length == spatialRank ? k : null;
        if (weight != null && weight.length == spatialRank + 2) {
            long[] out = new long[spatialRank];
            System.arraycopy(weight, 2, out, 0, spatialRank);
            return out;
        }
        return null;
    }

    /**
     * Output spatial sizes of Conv or a pool over {@code in} (spatial dims only); null when the
     * attributes are malformed or the window does not fit.
     */
    static long[] slidingOutput(Node n, long[] in, long[] k, boolean ceilMode) {
        int r = in.length;
        long[] strides = attrOrOnes(n, "strides", r);
        long[] dil = attrOrOnes(n, "dilations", r);
        long[] pads = n.attrLongs("pads");
        if (strides == null || dil == null || (pads != null && pads.length != 2 * r)) return null;
        String autoPad = n.attrString("auto_pad", "NOTSET");
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            if (strides[i] <= 0 || dil[i] <= 0) return null;
            long effK = dil[i] * (k[i] - 1) + 1;
            switch (autoPad) {
                case "SAME_UPPER", "SAME_LOWER" -> out[i] = ceilDiv(in[i], strides[i]);
                case "VALID" -> out[i] = in[i] < effK ? -1 : (in[i] - effK) / strides[i] + 1;
                default -> {
                    long padB = pads == null ? 0 : pads[i];
                    long padE = pads == null ? 0 : pads[i + r];
                    long span = in[i] + padB + padE - effK;
                    if (span < 0) return null;
                    long o = (ceilMode ? ceilDiv(span, strides[i]) : span / strides[i]) + 1;
                    // A window that would start inside the end padding is dropped (ONNX/PyTorch rule).
                    if (ceilMode && (o - 1) * strides[i] >= in[i] + padB) o--;
                    out[i] = o;
                }
            }
            if (out[i] <= 0) return null;
        }
        return out;
    }

    /** Output spatial sizes of ConvTranspose; null when they cannot be determined. */
    static long[] transposedOutput(Node n, long[] in, long[] k) {
        int r = in.length;
        long[] explicit = n.attrLongs("output_shape");
        if (explicit != null) {
            if (explicit.length == r) return explicit;
            if (explicit.length == r + 2) return java.util.Arrays.copyOfRange(explicit, 2, r + 2);
            return null;
        }
        long[] strides = attrOrOnes(n, "strides", r);
        long[] dil = attrOrOnes(n, "dilations", r);
        long[] outPad = n.attrLongs("output_padding");
        long[] pads = n.attrLongs("pads");
        String autoPad = n.attrString("auto_pad", "NOTSET");
        if (strides == null || dil == null || (pads != null && pads.length != 2 * r)
                || (outPad != null && outPad.length != r)) return null;
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            if (autoPad.startsWith("SAME")) {
                out[i] = in[i] * strides[i];
            } else {
                long padTotal = pads == null || autoPad.equals("VALID") ? 0 : pads[i] + pads[i + r];
                long op = outPad == null ? 0 : outPad[i];
                out[i] = strides[i] * (in[i] - 1) + op + (k[i] - 1) * dil[i] + 1 - padTotal;
            }
            if (out[i] <= 0) return null;
        }
        return out;
    }

    private static long[] attrOrOnes(Node n, String name, int rank) {
        long[] v = n.attrLongs(name);
        if (v == null) {
            v = new long[rank];
            java.util.Arrays.fill(v, 1);
            return v;
        }
        return v.length == rank ? v : null;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
