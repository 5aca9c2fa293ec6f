package org.npustudio.shape;

import java.util.Arrays;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Shape;
import org.npustudio.ir.TypeInfo;
import org.npustudio.shape.ConstValue.Elem;

/**
 * Evaluates the structural operators of shape subgraphs (Shape, Gather, Slice, Concat, reshapes,
 * Cast, ConstantOfShape, Range, Expand, Constant) on {@link ConstValue}s; arithmetic is delegated to
 * {@link ConstantArithmetic}. Returns null whenever a needed input is not known.
 */
final class ConstantFolder {
    private ConstantFolder() {}

    static ConstValue fold(InferenceContext c) {
        return switch (c.node().opType()) {
            case "Constant" -> constant(c);
            case "Identity", "Reshape", "Squeeze", "Unsqueeze", "Flatten" -> reshaped(c, c.constant(0));
            case "Shape" -> shape(c);
            case "Size" -> size(c);
            case "Gather" -> gather(c);
            case "Slice" -> slice(c);
            case "Concat" -> concat(c);
            case "Cast", "CastLike" -> cast(c.constant(0), outputType(c));
            case "ConstantOfShape" -> constantOfShape(c);
            case "Range" -> range(c);
            case "Expand" -> expand(c);
            case "Transpose" -> transpose(c);
            default -> ConstantArithmetic.fold(c);
        };
    }

    static DataType outputType(InferenceContext c) {
        return c.output(0) instanceof TypeInfo.TensorType t ? t.elemType() : DataType.UNDEFINED;
    }

    /** The inferred static output dims, or null. */
    static long[] outputDims(InferenceContext c) {
        if (c.output(0) instanceof TypeInfo.TensorType t && t.shape() != null && t.shape().isStatic()) {
            return t.shape().sizes();
        }
        return null;
    }

    private static ConstValue constant(InferenceContext c) {
        Attribute a = c.node().attributes().values().stream().findFirst().orElse(null);
        if (a == null) return null;
        return switch (a.name()) {
            case "value" -> ConstValue.of(a.asTensor());
            case "value_int" -> ConstValue.ofLongs(DataType.INT64, new long[0], new long[] {a.asLong()});
            case "value_ints" -> ConstValue.ofLongs(DataType.INT64, new long[] {a.asLongs().length}, a.asLongs());
            case "value_float" -> ConstValue.ofReals(DataType.FLOAT, new long[0], new double[] {a.asFloat()});
            case "value_floats" -> {
                float[] f = a.asFloats();
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) d[i] = f[i];
                yield ConstValue.ofReals(DataType.FLOAT, new long[] {f.length}, d);
            }
            default -> null;
        };
    }

    private static ConstValue reshaped(InferenceContext c, ConstValue v) {
        long[] dims = outputDims(c);
        if (v == null || dims == null || ConstValue.count(dims) != v.size()) return null;
        return v.reshaped(dims);
    }

    private static ConstValue shape(InferenceContext c) {
        Shape x = c.shape(0);
        if (x == null) return null;
        int[] r = ConstantShapes.shapeRange(c, x.rank());
        Elem[] e = new Elem[Math.max(0, r[1] - r[0])];
        for (int i = 0; i < e.length; i++) e[i] = Elem.of(x.dim(r[0] + i));
        return ConstValue.ofInts(DataType.INT64, new long[] {e.length}, e);
    }

    private static ConstValue size(InferenceContext c) {
        Shape x = c.shape(0);
        if (x == null) return null;
        return ConstValue.ofInts(DataType.INT64, new long[0], new Elem[] {Elem.of(DimMath.product(x.dims()))});
    }

    private static ConstValue gather(InferenceContext c) {
        ConstValue data = c.constant(0);
        ConstValue indices = c.constant(1);
        long[] idx = indices == null ? null : indices.knownLongs();
        if (data == null || idx == null || data.rank() == 0) return null;
        int axis = DimMath.axis(c.attr("axis", 0), data.rank());
        if (axis < 0) return null;
        long[] dd = data.dims();
        long outer = ConstValue.count(Arrays.copyOfRange(dd, 0, axis));
        long inner = ConstValue.count(Arrays.copyOfRange(dd, axis + 1, dd.length));
        long n = dd[axis];
        long[] outDims = concat(Arrays.copyOfRange(dd, 0, axis), indices.dims(), Arrays.copyOfRange(dd, axis + 1, dd.length));
        int[] src = new int[Math.toIntExact(outer * idx.length * inner)];
        int k = 0;
        for (long o = 0; o < outer; o++) {
            for (long j : idx) {
                long jj = j < 0 ? j + n : j;
                if (jj < 0 || jj >= n) return null;
                for (long i = 0; i < inner; i++) src[k++] = (int) ((o * n + jj) * inner + i);
            }
        }
        return data.pick(data.type(), outDims, src);
    }

    private static ConstValue slice(InferenceContext c) {
        ConstValue data = c.constant(0);
        if (data == null) return null;
        boolean attrs = c.opset() < 10;
        long[] starts = attrs ? c.ints("starts") : c.constLongs(1);
        long[] ends = attrs ? c.ints("ends") : c.constLongs(2);
        long[] axes = attrs ? c.ints("axes") : c.hasInput(3) ? c.constLongs(3) : null;
        long[] steps = attrs || !c.hasInput(4) ? null : c.constLongs(4);
        if (starts == null || ends == null || (!attrs && c.hasInput(3) && axes == null)
                || (!attrs && c.hasInput(4) && steps == null)) return null;
        int rank = data.rank();
        long[] first = new long[rank];
        long[] step = new long[rank];
        long[] outDims = data.dims().clone();
        Arrays.fill(step, 1);
        for (int i = 0; i < starts.length; i++) {
            int a = DimMath.axis(axes == null ? i : axes[i], rank);
            if (a < 0) return null;
            step[a] = steps == null ? 1 : steps[i];
            long[] b = SliceShapes.bounds(data.dims()[a], starts[i], ends[i], step[a]);
            first[a] = b[0];
            outDims[a] = b[1];
        }
        int n = Math.toIntExact(ConstValue.count(outDims));
        int[] src = new int[n];
        long[] coord = new long[rank];
        for (int k = 0; k < n; k++) {
            long flat = 0;
            for (int a = 0; a < rank; a++) flat = flat * data.dims()[a] + first[a] + coord[a] * step[a];
            src[k] = (int) flat;
            for (int a = rank - 1; a >= 0; a--) {
                if (++coord[a] < outDims[a]) break;
                coord[a] = 0;
            }
        }
        return data.pick(data.type(), outDims, src);
    }

    private static ConstValue concat(InferenceContext c) {
        ConstValue[] parts = new ConstValue[c.inputCount()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = c.constant(i);
            if (parts[i] == null || parts[i].rank() == 0 || (parts[i].ints() == null) != (parts[0].ints() == null)) {
                return null;
            }
        }
        if (parts.length == 0) return null;
        int rank = parts[0].rank();
        int axis = DimMath.axis(c.attr("axis", 0), rank);
        if (axis < 0) return null;
        long[] outDims = parts[0].dims().clone();
        outDims[axis] = 0;
        for (ConstValue p : parts) outDims[axis] += p.dims()[axis];
        long outer = ConstValue.count(Arrays.copyOfRange(outDims, 0, axis));
        long inner = ConstValue.count(Arrays.copyOfRange(outDims, axis + 1, rank));
        int n = Math.toIntExact(ConstValue.count(outDims));
        Elem[] ints = parts[0].ints() != null ? new Elem[n] : null;
        double[] reals = ints == null ? new double[n] : null;
        int k = 0;
        for (long o = 0; o < outer; o++) {
            for (ConstValue p : parts) {
                int chunk = (int) (p.dims()[axis] * inner);
                for (int i = 0; i < chunk; i++) {
                    int s = (int) (o * chunk + i);
                    if (ints != null) ints[k++] = p.ints()[s];
                    else reals[k++] = p.reals()[s];
                }
            }
        }
        return new ConstValue(parts[0].type(), outDims, ints, reals);
    }

    static ConstValue cast(ConstValue v, DataType to) {
        if (v == null || to == DataType.UNDEFINED) return null;
        boolean toInt = ConstValue.isIntegral(to);
        if (!toInt && !to.isFloatingPoint()) return null;
        int n = v.size();
        if (toInt) {
            Elem[] e = new Elem[n];
            for (int i = 0; i < n; i++) {
                if (v.ints() == null) {
                    double r = v.reals()[i];
                    e[i] = Elem.of(to == DataType.BOOL ? (r != 0 ? 1 : 0) : (long) r);
                } else {
                    Elem s = v.ints()[i];
                    e[i] = to == DataType.BOOL && s.known() ? Elem.of(s.value() != 0 ? 1 : 0) : s;
                }
            }
            return ConstValue.ofInts(to, v.dims(), e);
        }
        double[] d = v.knownDoubles();
        if (d == null) return null;
        if (to == DataType.FLOAT) for (int i = 0; i < n; i++) d[i] = (float) d[i];
        return ConstValue.ofReals(to, v.dims(), d);
    }

    private static ConstValue constantOfShape(InferenceContext c) {
        long[] dims = c.constLongs(0);
        if (dims == null || ConstValue.count(dims) > ConstValue.MAX_ELEMENTS) return null;
        Attribute a = c.node().attribute("value");
        ConstValue fill = a == null ? ConstValue.ofReals(DataType.FLOAT, new long[] {1}, new double[] {0})
                : ConstValue.of(a.asTensor());
        if (fill == null || fill.size() != 1) return null;
        return fill.pick(fill.type(), dims, new int[Math.toIntExact(ConstValue.count(dims))]);
    }

    private static ConstValue range(InferenceContext c) {
        double[] s = c.constDoubles(0);
        double[] l = c.constDoubles(1);
        double[] d = c.constDoubles(2);
        if (s == null || l == null || d == null || d[0] == 0) return null;
        long n = ConstantShapes.rangeLength(s[0], l[0], d[0]);
        if (n > ConstValue.MAX_ELEMENTS) return null;
        DataType t = c.elemType(0);
        if (ConstValue.isIntegral(t)) {
            long[] v = new long[(int) n];
            for (int i = 0; i < n; i++) v[i] = (long) s[0] + i * (long) d[0];
            return ConstValue.ofLongs(t, new long[] {n}, v);
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < n; i++) v[i] = s[0] + i * d[0];
        return ConstValue.ofReals(t, new long[] {n}, v);
    }

    private static ConstValue expand(InferenceContext c) {
        ConstValue v = c.constant(0);
        long[] dims = outputDims(c);
        if (v == null || dims == null || ConstValue.count(dims) > ConstValue.MAX_ELEMENTS) return null;
        return v.pick(v.type(), dims, BroadcastShapes.sourceIndex(dims, v.dims()));
    }

    /** PyTorch's reflect/constant pad export transposes its pads table ([n, 2] → [2, n]). */
    private static ConstValue transpose(InferenceContext c) {
        ConstValue v = c.constant(0);
        if (v == null) return null;
        int rank = v.rank();
        long[] perm = c.ints("perm");
        if (perm == null || perm.length == 0) {
            perm = new long[rank];
            for (int i = 0; i < rank; i++) perm[i] = rank - 1 - i;
        }
        if (perm.length != rank) return null;
        long[] in = v.dims();
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) out[i] = in[(int) perm[i]];
        long[] stride = new long[rank];
        for (int a = rank - 1, s = 1; a >= 0; s *= (int) in[a], a--) stride[a] = s;
        int n = v.size();
        int[] src = new int[n];
        long[] coord = new long[rank];
        for (int k = 0; k < n; k++) {
            long flat = 0;
            for (int a = 0; a < rank; a++) flat += coord[a] * stride[(int) perm[a]];
            src[k] = (int) flat;
            for (int a = rank - 1; a >= 0; a--) {
                if (++coord[a] < out[a]) break;
                coord[a] = 0;
            }
        }
        return v.pick(v.type(), out, src);
    }

    private static long[] concat(long[]... parts) {
        return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
    }
}
