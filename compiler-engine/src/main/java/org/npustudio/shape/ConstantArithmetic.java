package org.npustudio.shape;

import java.util.Set;
import org.npustudio.ir.DataType;
import org.npustudio.shape.ConstValue.Elem;

/**
 * Element-wise arithmetic, comparison and selection on folded tensors with broadcasting. Integer
 * elements may be symbolic: {@code batch * 1}, {@code batch + 0} and {@code batch == batch} still
 * resolve, anything else involving a symbol becomes unknown.
 */
final class ConstantArithmetic {
    private ConstantArithmetic() {}

    private static final Set<String> BINARY = Set.of("Add", "Sub", "Mul", "Div", "Mod", "Max", "Min", "Equal",
            "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor");
    private static final Set<String> UNARY = Set.of("Neg", "Abs", "Not", "Floor", "Ceil", "Sqrt", "Relu");

    static ConstValue fold(InferenceContext c) {
        String op = c.node().opType();
        DataType out = ConstantFolder.outputType(c);
        if (BINARY.contains(op) && c.inputCount() == 2) return binary(op, c.constant(0), c.constant(1), out, c);
        if (UNARY.contains(op)) return unary(op, c.constant(0));
        if (op.equals("Where")) return where(c.constant(0), c.constant(1), c.constant(2));
        return null;
    }

    private static long[] broadcastDims(long[] a, long[] b) {
        int r = Math.max(a.length, b.length);
        long[] out = new long[r];
        for (int k = 0; k < r; k++) {
            int i = k - (r - a.length);
            int j = k - (r - b.length);
            long x = i >= 0 ? a[i] : 1;
            long y = j >= 0 ? b[j] : 1;
            if (x != y && x != 1 && y != 1) return null;
            out[k] = x == 1 ? y : x;
        }
        return out;
    }

    private static ConstValue binary(String op, ConstValue a, ConstValue b, DataType out, InferenceContext c) {
        if (a == null || b == null) return null;
        long[] dims = broadcastDims(a.dims(), b.dims());
        if (dims == null || ConstValue.count(dims) > ConstValue.MAX_ELEMENTS) return null;
        int[] ia = BroadcastShapes.sourceIndex(dims, a.dims());
        int[] ib = BroadcastShapes.sourceIndex(dims, b.dims());
        int n = ia.length;
        if (a.ints() != null && b.ints() != null) {
            Elem[] e = new Elem[n];
            boolean fmod = c.attr("fmod", 0) != 0;
            for (int k = 0; k < n; k++) e[k] = intOp(op, a.ints()[ia[k]], b.ints()[ib[k]], fmod);
            return ConstValue.ofInts(out, dims, e);
        }
        double[] x = a.knownDoubles();
        double[] y = b.knownDoubles();
        if (x == null || y == null) return null;
        if (ConstValue.isIntegral(out)) {
            long[] v = new long[n];
            for (int k = 0; k < n; k++) v[k] = (long) realOp(op, x[ia[k]], y[ib[k]]);
            return ConstValue.ofLongs(out, dims, v);
        }
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = realOp(op, x[ia[k]], y[ib[k]]);
            if (out == DataType.FLOAT) v[k] = (float) v[k];
        }
        return ConstValue.ofReals(out, dims, v);
    }

    static Elem intOp(String op, Elem a, Elem b, boolean fmod) {
        if (a.known() && b.known()) {
            long x = a.value();
            long y = b.value();
            return switch (op) {
                case "Add" -> Elem.of(x + y);
                case "Sub" -> Elem.of(x - y);
                case "Mul" -> Elem.of(x * y);
                case "Div" -> y == 0 ? Elem.UNKNOWN : Elem.of(x / y);
                case "Mod" -> y == 0 ? Elem.UNKNOWN : Elem.of(fmod ? x % y : Math.floorMod(x, y));
                case "Max" -> Elem.of(Math.max(x, y));
                case "Min" -> Elem.of(Math.min(x, y));
                default -> Elem.of(compare(op, x, y) ? 1 : 0);
            };
        }
        boolean sameSymbol = a.symbolic() && a.equals(b);
        return switch (op) {
            case "Add" -> isValue(b, 0) ? a : isValue(a, 0) ? b : Elem.UNKNOWN;
            case "Sub" -> isValue(b, 0) ? a : sameSymbol ? Elem.of(0) : Elem.UNKNOWN;
            case "Mul" -> isValue(b, 1) ? a : isValue(a, 1) ? b : isValue(a, 0) || isValue(b, 0) ? Elem.of(0) : Elem.UNKNOWN;
            case "Div" -> isValue(b, 1) ? a : sameSymbol ? Elem.of(1) : Elem.UNKNOWN;
            case "Max", "Min" -> sameSymbol ? a : Elem.UNKNOWN;
            case "Equal", "LessOrEqual", "GreaterOrEqual" -> sameSymbol ? Elem.of(1) : Elem.UNKNOWN;
            case "Less", "Greater" -> sameSymbol ? Elem.of(0) : Elem.UNKNOWN;
            default -> Elem.UNKNOWN;
        };
    }

    private static boolean isValue(Elem e, long v) { return e.known() && e.value() == v; }

    private static boolean compare(String op, double x, double y) {
        return switch (op) {
            case "Equal" -> x == y;
            case "Less" -> x < y;
            case "Greater" -> x > y;
            case "LessOrEqual" -> x <= y;
            case "GreaterOrEqual" -> x >= y;
            case "And" -> x != 0 && y != 0;
            case "Or" -> x != 0 || y != 0;
            case "Xor" -> (x != 0) != (y != 0);
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static double realOp(String op, double x, double y) {
        return switch (op) {
            case "Add" -> x + y;
            case "Sub" -> x - y;
            case "Mul" -> x * y;
            case "Div" -> x / y;
            case "Mod" -> x % y;
            case "Max" -> Math.max(x, y);
            case "Min" -> Math.min(x, y);
            default -> compare(op, x, y) ? 1 : 0;
        };
    }

    private static ConstValue unary(String op, ConstValue v) {
        if (v == null) return null;
        if (v.ints() != null) {
            Elem[] e = new Elem[v.size()];
            for (int i = 0; i < e.length; i++) {
                Elem s = v.ints()[i];
                if (!s.known()) {
                    e[i] = Elem.UNKNOWN;
                    continue;
                }
                long x = s.value();
                e[i] = Elem.of(switch (op) {
                    case "Neg" -> -x;
                    case "Abs" -> Math.abs(x);
                    case "Not" -> x == 0 ? 1 : 0;
                    case "Relu" -> Math.max(0, x);
                    default -> x;
                });
            }
            return ConstValue.ofInts(v.type(), v.dims(), e);
        }
        double[] d = v.reals().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = switch (op) {
                case "Neg" -> -d[i];
                case "Abs" -> Math.abs(d[i]);
                case "Floor" -> Math.floor(d[i]);
                case "Ceil" -> Math.ceil(d[i]);
                case "Sqrt" -> Math.sqrt(d[i]);
                case "Relu" -> Math.max(0, d[i]);
                default -> Double.NaN;
            };
            if (v.type() == DataType.FLOAT) d[i] = (float) d[i];
        }
        return ConstValue.ofReals(v.type(), v.dims(), d);
    }

    private static ConstValue where(ConstValue cond, ConstValue x, ConstValue y) {
        if (cond == null || x == null || y == null || (x.ints() == null) != (y.ints() == null)) return null;
        long[] dims = broadcastDims(cond.dims(), x.dims());
        dims = dims == null ? null : broadcastDims(dims, y.dims());
        long[] flags = cond.knownLongs();
        if (dims == null || flags == null || ConstValue.count(dims) > ConstValue.MAX_ELEMENTS) return null;
        int[] ic = BroadcastShapes.sourceIndex(dims, cond.dims());
        int[] ix = BroadcastShapes.sourceIndex(dims, x.dims());
        int[] iy = BroadcastShapes.sourceIndex(dims, y.dims());
        int n = ic.length;
        if (x.ints() != null) {
            Elem[] e = new Elem[n];
            for (int k = 0; k < n; k++) e[k] = flags[ic[k]] != 0 ? x.ints()[ix[k]] : y.ints()[iy[k]];
            return ConstValue.ofInts(x.type(), dims, e);
        }
        double[] d = new double[n];
        for (int k = 0; k < n; k++) d[k] = flags[ic[k]] != 0 ? x.reals()[ix[k]] : y.reals()[iy[k]];
        return ConstValue.ofReals(x.type(), dims, d);
    }
}
