package org.npustudio.npusim.mapping;

import java.util.Arrays;
import org.npustudio.ir.Node;

/**
 * Output shapes of the common ops, for values without declared types. Returns null when a rule is
 * missing or an input shape is unknown; shape inference in compiler-engine is the complete source.
 */
final class ShapeRules {
    private ShapeRules() {}

    static long[] infer(Node n, int output, ShapeTable t) {
        long[] x = t.get(n.input(0));
        String op = n.opType();
        if (output > 0 && !op.equals("Split")) return null;
        try {
            return switch (op) {
                case "Conv" -> conv(n, x, t.get(n.input(1)), false);
                case "ConvTranspose" -> convTranspose(n, x, t.get(n.input(1)));
                case "MaxPool", "AveragePool", "LpPool" -> pool(n, x);
                case "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool" -> global(x);
                case "Gemm" -> gemm(n, x, t.get(n.input(1)));
                case "MatMul" -> matmul(x, t.get(n.input(1)));
                case "Flatten" -> flatten(n, x);
                case "Reshape" -> reshape(x, t.constantLongs(n.input(1)));
                case "Transpose" -> transpose(n, x);
                case "Concat" -> concat(n, t);
                default -> {
                    if (OpCatalog.ELEMENTWISE.contains(op)) yield broadcast(n, t);
                    if (OpCatalog.PER_INPUT.contains(op) && !op.startsWith("Reduce") && !op.startsWith("Arg") && !op.equals("TopK")) {
                        yield x;
                    }
                    if (op.equals("Identity") || op.equals("Dropout")) yield x;
                    yield null;
                }
            };
        } catch (RuntimeException e) {
            return null; // a malformed attribute: the value stays unknown and the mapper warns
        }
    }

    private static long[] conv(Node n, long[] x, long[] w, boolean unused) {
        if (x == null || w == null || x.length < 3) return null;
        ConvGeometry g = ConvGeometry.of(n, Arrays.copyOfRange(x, 2, x.length), Arrays.copyOfRange(w, 2, w.length), false);
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = w[0];
        System.arraycopy(g.out(), 0, out, 2, g.out().length);
        return out;
    }

    static long[] convTranspose(Node n, long[] x, long[] w) {
        if (x == null || w == null || x.length < 3) return null;
        int r = x.length - 2;
        long group = n.attrLong("group", 1);
        long[] out = new long[x.length];
        out[0] = x[0];
        out[1] = w[1] * group;
        long[] given = n.attrLongs("output_shape");
        long[] s = n.attrLongs("strides");
        long[] d = n.attrLongs("dilations");
        long[] pads = n.attrLongs("pads");
        long[] op = n.attrLongs("output_padding");
        for (int i = 0; i < r; i++) {
            if (given != null && given.length == r) {
                out[i + 2] = given[i];
                continue;
            }
            long si = s != null && s.length == r ? s[i] : 1;
            long di = d != null && d.length == r ? d[i] : 1;
            long padTotal = pads != null && pads.length == 2 * r ? pads[i] + pads[i + r] : 0;
            long opi = op != null && op.length == r ? op[i] : 0;
            out[i + 2] = si * (x[i + 2] - 1) + opi + di * (w[i + 2] - 1) + 1 - padTotal;
        }
        return out;
    }

    private static long[] pool(Node n, long[] x) {
        long[] k = n.attrLongs("kernel_shape");
        if (x == null || k == null || x.length != k.length + 2) return null;
        ConvGeometry g = ConvGeometry.of(n, Arrays.copyOfRange(x, 2, x.length), k, n.attrLong("ceil_mode", 0) != 0);
        long[] out = x.clone();
        System.arraycopy(g.out(), 0, out, 2, g.out().length);
        return out;
    }

    private static long[] global(long[] x) {
        if (x == null || x.length < 3) return null;
        long[] out = x.clone();
        Arrays.fill(out, 2, out.length, 1);
        return out;
    }

    private static long[] gemm(Node n, long[] a, long[] b) {
        if (a == null || b == null || a.length != 2 || b.length != 2) return null;
        long m = n.attrLong("transA", 0) != 0 ? a[1] : a[0];
        long cols = n.attrLong("transB", 0) != 0 ? b[0] : b[1];
        return new long[] {m, cols};
    }

    static long[] matmul(long[] a, long[] b) {
        if (a == null || b == null || a.length == 0 || b.length == 0) return null;
        long[] a2 = a.length == 1 ? new long[] {1, a[0]} : a;
        long[] b2 = b.length == 1 ? new long[] {b[0], 1} : b;
        long[] batch = broadcastShapes(Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2));
        if (batch == null) return null;
        long[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = a2[a2.length - 2];
        out[batch.length + 1] = b2[b2.length - 1];
        if (b.length == 1) out = Arrays.copyOf(out, out.length - 1);
        if (a.length == 1) {
            long[] o = new long[out.length - 1];
            System.arraycopy(out, 0, o, 0, out.length - 2);
            o[o.length - 1] = out[out.length - 1];
            out = o;
        }
        return out;
    }

    private static long[] flatten(Node n, long[] x) {
        if (x == null) return null;
        int axis = (int) n.attrLong("axis", 1);
        if (axis < 0) axis += x.length;
        long left = 1;
        long right = 1;
        for (int i = 0; i < x.length; i++) {
            if (i < axis) left *= x[i];
            else right *= x[i];
        }
        return new long[] {left, right};
    }

    private static long[] reshape(long[] x, long[] target) {
        if (x == null || target == null) return null;
        long total = ConvGeometry.product(x);
        long[] out = target.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && i < x.length) out[i] = x[i];
            if (out[i] == -1) infer = i;
            else known *= out[i];
        }
        if (infer >= 0) {
            if (known == 0 || total % known != 0) return null;
            out[infer] = total / known;
        }
        return ConvGeometry.product(out) == total ? out : null;
    }

    private static long[] transpose(Node n, long[] x) {
        if (x == null) return null;
        long[] perm = n.attrLongs("perm");
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) out[i] = perm == null ? x[x.length - 1 - i] : x[(int) perm[i]];
        return out;
    }

    private static long[] concat(Node n, ShapeTable t) {
        long[] first = t.get(n.input(0));
        if (first == null) return null;
        int axis = (int) n.attrLong("axis", 0);
        if (axis < 0) axis += first.length;
        long[] out = first.clone();
        out[axis] = 0;
        for (String in : n.inputs()) {
            long[] s = t.get(in);
            if (s == null || s.length != first.length) return null;
            out[axis] += s[axis];
        }
        return out;
    }

    private static long[] broadcast(Node n, ShapeTable t) {
        long[] out = null;
        for (String in : n.inputs()) {
            if (in.isEmpty()) continue;
            long[] s = t.get(in);
            if (s == null) return null;
            out = out == null ? s : broadcastShapes(out, s);
            if (out == null) return null;
        }
        return out;
    }

    static long[] broadcastShapes(long[] a, long[] b) {
        int r = Math.max(a.length, b.length);
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            long x = i < r - a.length ? 1 : a[i - (r - a.length)];
            long y = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (x != y && x != 1 && y != 1) return null;
            out[i] = x == 1 ? y : x;
        }
        return out;
    }
}
