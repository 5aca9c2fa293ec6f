package org.npustudio.passes.opt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;

/**
 * Evaluates one node on constant inputs, following ONNX semantics (numpy broadcasting, negative
 * axes, Reshape's 0 and -1, Slice clamping). Float arithmetic is done in double and rounded once to
 * the element type, which for + - * / gives exactly the float result ONNX Runtime computes.
 * Returns null for anything it does not handle, so the node stays as it was.
 */
final class ConstantEvaluator {
    static final Set<String> OPS = Set.of("Add", "Sub", "Mul", "Div", "Neg", "Sqrt", "Reciprocal", "Reshape", "Transpose",
            "Concat", "Unsqueeze", "Squeeze", "Cast", "Gather", "Slice", "ConstantOfShape", "Constant", "Identity", "Flatten");

    private ConstantEvaluator() {}

    /** @param in the node's inputs as constants (null where an optional input is omitted) */
    static ConstArray evaluate(Node n, List<ConstArray> in, long opset) {
        return switch (n.opType()) {
            case "Add", "Sub", "Mul", "Div" -> binary(n.opType(), in.get(0), in.get(1));
            case "Neg", "Sqrt", "Reciprocal" -> unary(n.opType(), in.get(0));
            case "Identity" -> in.get(0);
            case "Reshape" -> reshape(in.get(0), in.get(1).longValues(), n.attrLong("allowzero", 0) != 0);
            case "Flatten" -> flatten(in.get(0), n.attrLong("axis", 1));
            case "Transpose" -> transpose(in.get(0), n.attrLongs("perm"));
            case "Concat" -> concat(in, n.attrLong("axis", 0));
            case "Unsqueeze" -> unsqueeze(in.get(0), axes(n, in, opset >= 13));
            case "Squeeze" -> squeeze(in.get(0), axes(n, in, opset >= 13));
            case "Cast" -> cast(in.get(0), DataType.fromCode((int) n.attrLong("to", 0)));
            case "Gather" -> gather(in.get(0), in.get(1), n.attrLong("axis", 0));
            case "Slice" -> opset >= 10 ? slice(in.get(0), vals(in, 1), vals(in, 2), vals(in, 3), vals(in, 4))
                    : slice(in.get(0), n.attrLongs("starts"), n.attrLongs("ends"), n.attrLongs("axes"), null);
            case "ConstantOfShape" -> constantOfShape(in.get(0).longValues(), n.attribute("value"));
            case "Constant" -> constant(n);
            default -> null;
        };
    }

    private static long[] vals(List<ConstArray> in, int i) {
        return i < in.size() && in.get(i) != null ? in.get(i).longValues() : null;
    }

    private static long[] axes(Node n, List<ConstArray> in, boolean fromInput) {
        if (fromInput) return vals(in, 1);
        return n.attrLongs("axes");
    }

    static long[] broadcastDims(long[] a, long[] b) {
        int r = Math.max(a.length, b.length);
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            long x = i - (r - a.length) >= 0 ? a[i - (r - a.length)] : 1;
            long y = i - (r - b.length) >= 0 ? b[i - (r - b.length)] : 1;
            if (x != y && x != 1 && y != 1) return null;
            out[i] = x == y ? x : x == 1 ? y : x;
        }
        return out;
    }

    /** For each output element, the index of the input element broadcasting maps to it. */
    static int[] broadcastIndex(long[] inDims, long[] outDims) {
        int n = (int) ConstArray.count(outDims);
        int[] idx = new int[n];
        long[] inStrides = ConstArray.strides(inDims);
        int off = outDims.length - inDims.length;
        long[] counter = new long[outDims.length];
        for (int k = 0; k < n; k++) {
            long at = 0;
            for (int i = 0; i < inDims.length; i++) if (inDims[i] != 1) at += counter[i + off] * inStrides[i];
            idx[k] = (int) at;
            for (int i = outDims.length - 1; i >= 0; i--) {
                if (++counter[i] < outDims[i]) break;
                counter[i] = 0;
            }
        }
        return idx;
    }

    private static ConstArray binary(String op, ConstArray a, ConstArray b) {
        if (a.type() != b.type()) return null;
        long[] dims = broadcastDims(a.dims(), b.dims());
        if (dims == null) return null;
        int[] ia = broadcastIndex(a.dims(), dims);
        int[] ib = broadcastIndex(b.dims(), dims);
        if (a.isFloating()) {
            double[] v = new double[ia.length];
            for (int k = 0; k < v.length; k++) {
                double x = a.d()[ia[k]], y = b.d()[ib[k]];
                v[k] = switch (op) {
                    case "Add" -> x + y;
                    case "Sub" -> x - y;
                    case "Mul" -> x * y;
                    default -> x / y;
                };
            }
            return ConstArray.floats(a.type(), dims, v);
        }
        if (a.type() == DataType.BOOL) return null;
        long[] v = new long[ia.length];
        for (int k = 0; k < v.length; k++) {
            long x = a.l()[ia[k]], y = b.l()[ib[k]];
            if (op.equals("Div") && y == 0) return null;
            v[k] = switch (op) {
                case "Add" -> x + y;
                case "Sub" -> x - y;
                case "Mul" -> x * y;
                default -> x / y;
            };
        }
        return ConstArray.longs(a.type(), dims, wrap(a.type(), v));
    }

    /** Integer results wrap to the element width, as ONNX Runtime's C++ arithmetic does. */
    private static long[] wrap(DataType t, long[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = switch (t) {
                case INT8 -> (byte) v[i];
                case UINT8 -> v[i] & 0xff;
                case INT16 -> (short) v[i];
                case UINT16 -> v[i] & 0xffff;
                case INT32 -> (int) v[i];
                case UINT32 -> v[i] & 0xffffffffL;
                default -> v[i];
            };
        }
        return v;
    }

    private static ConstArray unary(String op, ConstArray a) {
        if (!a.isFloating()) return op.equals("Neg") && a.type() != DataType.BOOL
                ? ConstArray.longs(a.type(), a.dims(), wrap(a.type(), Arrays.stream(a.l()).map(x -> -x).toArray())) : null;
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            double x = a.d()[i];
            v[i] = switch (op) {
                case "Neg" -> -x;
                case "Sqrt" -> Math.sqrt(x);
                default -> 1.0 / x;
            };
        }
        return ConstArray.floats(a.type(), a.dims(), v);
    }

    private static ConstArray reshape(ConstArray x, long[] target, boolean allowZero) {
        long[] dims = target.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] == 0 && !allowZero) {
                if (i >= x.rank()) return null;
                dims[i] = x.dims()[i];
            }
            if (dims[i] == -1) {
                if (infer >= 0) return null;
                infer = i;
            } else {
                known *= dims[i];
            }
        }
        long total = x.size();
        if (infer >= 0) {
            if (known == 0 || total % known != 0) return null;
            dims[infer] = total / known;
        }
        return ConstArray.count(dims) == total ? x.withDims(dims) : null;
    }

    private static ConstArray flatten(ConstArray x, long axis) {
        int a = (int) (axis < 0 ? axis + x.rank() : axis);
        long outer = 1;
        for (int i = 0; i < a; i++) outer *= x.dims()[i];
        return x.withDims(new long[] {outer, x.size() / Math.max(outer, 1)});
    }

    private static ConstArray transpose(ConstArray x, long[] perm) {
        int r = x.rank();
        if (perm == null) {
            perm = new long[r];
            for (int i = 0; i < r; i++) perm[i] = r - 1 - i;
        }
        if (perm.length != r) return null;
        long[] dims = new long[r];
        for (int i = 0; i < r; i++) dims[i] = x.dims()[(int) perm[i]];
        long[] inStrides = ConstArray.strides(x.dims());
        int n = x.size();
        int[] from = new int[n];
        long[] counter = new long[r];
        for (int k = 0; k < n; k++) {
            long at = 0;
            for (int i = 0; i < r; i++) at += counter[i] * inStrides[(int) perm[i]];
            from[k] = (int) at;
            for (int i = r - 1; i >= 0; i--) {
                if (++counter[i] < dims[i]) break;
                counter[i] = 0;
            }
        }
        return x.gather(dims, from);
    }

    private static ConstArray concat(List<ConstArray> in, long axis) {
        ConstArray first = in.get(0);
        int r = first.rank();
        int a = (int) (axis < 0 ? axis + r : axis);
        long[] dims = first.dims().clone();
        dims[a] = 0;
        for (ConstArray c : in) {
            if (c == null || c.type() != first.type() || c.rank() != r) return null;
            dims[a] += c.dims()[a];
        }
        long outer = 1;
        for (int i = 0; i < a; i++) outer *= dims[i];
        List<Double> dv = new ArrayList<>();
        List<Long> lv = new ArrayList<>();
        for (long o = 0; o < outer; o++) {
            for (ConstArray c : in) {
                long inner = c.size() / Math.max(outer, 1);
                for (long j = 0; j < inner; j++) {
                    int at = (int) (o * inner + j);
                    if (first.isFloating()) dv.add(c.d()[at]);
                    else lv.add(c.l()[at]);
                }
            }
        }
        return first.isFloating() ? new ConstArray(first.type(), dims, dv.stream().mapToDouble(Double::doubleValue).toArray(), null)
                : new ConstArray(first.type(), dims, null, lv.stream().mapToLong(Long::longValue).toArray());
    }

    private static ConstArray unsqueeze(ConstArray x, long[] axes) {
        if (axes == null) return null;
        int r = x.rank() + axes.length;
        boolean[] inserted = new boolean[r];
        for (long a : axes) inserted[(int) (a < 0 ? a + r : a)] = true;
        long[] dims = new long[r];
        for (int i = 0, j = 0; i < r; i++) dims[i] = inserted[i] ? 1 : x.dims()[j++];
        return x.withDims(dims);
    }

    private static ConstArray squeeze(ConstArray x, long[] axes) {
        List<Long> dims = new ArrayList<>();
        boolean[] drop = new boolean[x.rank()];
        if (axes == null) for (int i = 0; i < drop.length; i++) drop[i] = x.dims()[i] == 1;
        else for (long a : axes) drop[(int) (a < 0 ? a + x.rank() : a)] = true;
        for (int i = 0; i < drop.length; i++) {
            if (drop[i] && x.dims()[i] != 1) return null;
            if (!drop[i]) dims.add(x.dims()[i]);
        }
        return x.withDims(dims.stream().mapToLong(Long::longValue).toArray());
    }

    private static ConstArray cast(ConstArray x, DataType to) {
        if (to == null || !ConstArray.SUPPORTED.contains(to)) return null;
        if (ConstArray.floating(to)) {
            double[] v = new double[x.size()];
            for (int i = 0; i < v.length; i++) v[i] = x.asDouble(i);
            return ConstArray.floats(to, x.dims(), v);
        }
        long[] v = new long[x.size()];
        for (int i = 0; i < v.length; i++) {
            if (x.isFloating() && !Double.isFinite(x.d()[i])) return null;
            v[i] = to == DataType.BOOL ? (x.asDouble(i) != 0 ? 1 : 0) : x.asLong(i);
        }
        return ConstArray.longs(to, x.dims(), to == DataType.BOOL ? v : wrap(to, v));
    }

    private static ConstArray gather(ConstArray data, ConstArray indices, long axis) {
        int r = data.rank();
        int a = (int) (axis < 0 ? axis + r : axis);
        long[] idx = indices.longValues();
        long n = data.dims()[a];
        long outer = 1, inner = 1;
        for (int i = 0; i < a; i++) outer *= data.dims()[i];
        for (int i = a + 1; i < r; i++) inner *= data.dims()[i];
        long[] dims = new long[r - 1 + indices.rank()];
        int k = 0;
        for (int i = 0; i < a; i++) dims[k++] = data.dims()[i];
        for (long d : indices.dims()) dims[k++] = d;
        for (int i = a + 1; i < r; i++) dims[k++] = data.dims()[i];
        int[] from = new int[(int) (outer * idx.length * inner)];
        int p = 0;
        for (long o = 0; o < outer; o++) {
            for (long ix : idx) {
                long j = ix < 0 ? ix + n : ix;
                if (j < 0 || j >= n) return null;
                for (long q = 0; q < inner; q++) from[p++] = (int) ((o * n + j) * inner + q);
            }
        }
        return data.gather(dims, from);
    }

    private static ConstArray slice(ConstArray x, long[] starts, long[] ends, long[] axes, long[] steps) {
        if (starts == null || ends == null || starts.length != ends.length) return null;
        int r = x.rank();
        long[] lo = new long[r], step = new long[r], dims = x.dims().clone();
        Arrays.fill(step, 1);
        for (int i = 0; i < r; i++) lo[i] = 0;
        for (int k = 0; k < starts.length; k++) {
            int a = (int) (axes == null ? k : axes[k] < 0 ? axes[k] + r : axes[k]);
            long st = steps == null ? 1 : steps[k];
            if (st == 0) return null;
            long d = x.dims()[a];
            long s = starts[k] < 0 ? starts[k] + d : starts[k];
            long e = ends[k] < 0 ? ends[k] + d : ends[k];
            if (st > 0) {
                s = Math.max(0, Math.min(s, d));
                e = Math.max(0, Math.min(e, d));
                dims[a] = Math.max(0, (e - s + st - 1) / st);
            } else {
                s = Math.max(-1, Math.min(s, d - 1));
                e = Math.max(-1, Math.min(e, d - 1));
                dims[a] = Math.max(0, (s - e + (-st) - 1) / (-st));
            }
            lo[a] = s;
            step[a] = st;
        }
        long[] strides = ConstArray.strides(x.dims());
        int n = (int) ConstArray.count(dims);
        int[] from = new int[n];
        long[] counter = new long[r];
        for (int k = 0; k < n; k++) {
            long at = 0;
            for (int i = 0; i < r; i++) at += (lo[i] + counter[i] * step[i]) * strides[i];
            from[k] = (int) at;
            for (int i = r - 1; i >= 0; i--) {
                if (++counter[i] < dims[i]) break;
                counter[i] = 0;
            }
        }
        return x.gather(dims, from);
    }

    private static ConstArray constantOfShape(long[] shape, Attribute value) {
        ConstArray fill = value == null ? ConstArray.floats(DataType.FLOAT, new long[] {1}, new double[] {0})
                : ConstArray.of(value.asTensor());
        if (fill == null || fill.size() != 1) return null;
        int n = (int) ConstArray.count(shape);
        return fill.gather(shape, new int[n]);
    }

    private static ConstArray constant(Node n) {
        Attribute a = n.attributes().values().stream().findFirst().orElse(null);
        if (a == null || n.attributes().size() != 1) return null;
        return switch (a.name()) {
            case "value" -> ConstArray.of(a.asTensor());
            case "value_float" -> ConstArray.floats(DataType.FLOAT, new long[0], new double[] {a.asFloat()});
            case "value_floats" -> {
                float[] f = a.asFloats();
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) d[i] = f[i];
                yield ConstArray.floats(DataType.FLOAT, new long[] {f.length}, d);
            }
            case "value_int" -> ConstArray.longs(DataType.INT64, new long[0], new long[] {a.asLong()});
            case "value_ints" -> ConstArray.longs(DataType.INT64, new long[] {a.asLongs().length}, a.asLongs());
            default -> null;
        };
    }

    /** Shape of a static input as an int64 tensor, honouring Shape-15's start/end. */
    static ConstArray shapeOf(long[] sizes, Node n) {
        int r = sizes.length;
        long start = n.attrLong("start", 0), end = n.attrLong("end", r);
        if (start < 0) start += r;
        if (end < 0) end += r;
        start = Math.max(0, Math.min(start, r));
        end = Math.max(start, Math.min(end, r));
        long[] v = Arrays.copyOfRange(sizes, (int) start, (int) end);
        return ConstArray.longs(DataType.INT64, new long[] {v.length}, v);
    }

    static Tensor tensor(ConstArray a, String name) {
        return a.toTensor(name);
    }
}
