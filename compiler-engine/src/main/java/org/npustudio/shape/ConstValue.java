package org.npustudio.shape;

import java.util.Arrays;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Tensor;

/**
 * A small tensor whose elements are known while inferring shapes: integer (and bool) tensors hold
 * {@link Elem}s that may be symbolic or unknown (the result of Shape on a tensor with a {@code batch}
 * dim), floating tensors hold plain doubles. Dims are always static.
 */
record ConstValue(DataType type, long[] dims, Elem[] ints, double[] reals) {
    /** Tensors larger than this are never folded: shape arithmetic only needs small ones. */
    static final int MAX_ELEMENTS = 4096;

    /** One integer element: known value, a named symbol, or unknown (symbol ""). */
    record Elem(long value, String symbol) {
        static final Elem UNKNOWN = new Elem(0, "");

        static Elem of(long v) { return new Elem(v, null); }

        static Elem of(Dim d) {
            if (d.isKnown()) return of(d.value());
            return d.isSymbolic() ? new Elem(0, d.param()) : UNKNOWN;
        }

        boolean known() { return symbol == null; }

        boolean symbolic() { return symbol != null && !symbol.isEmpty(); }

        Dim toDim() {
            if (known()) return value >= 0 ? Dim.of(value) : Dim.UNKNOWN;
            return symbolic() ? Dim.symbol(symbol) : Dim.UNKNOWN;
        }
    }

    static ConstValue ofInts(DataType type, long[] dims, Elem[] v) { return new ConstValue(type, dims, v, null); }

    static ConstValue ofReals(DataType type, long[] dims, double[] v) { return new ConstValue(type, dims, null, v); }

    static ConstValue ofLongs(DataType type, long[] dims, long[] v) {
        Elem[] e = new Elem[v.length];
        for (int i = 0; i < v.length; i++) e[i] = Elem.of(v[i]);
        return ofInts(type, dims, e);
    }

    static boolean isIntegral(DataType t) { return t.isInteger() || t == DataType.BOOL; }

    /** Decodes a numeric tensor, or null when it is too large, a string tensor or unreadable. */
    static ConstValue of(Tensor t) {
        DataType type = t.dataType();
        long n;
        try {
            n = t.elementCount();
        } catch (ArithmeticException e) {
            return null;
        }
        if (n > MAX_ELEMENTS) return null;
        if (isIntegral(type)) return ofLongs(type, t.dims(), t.toLongs());
        if (type.isFloatingPoint()) return ofReals(type, t.dims(), t.toDoubles());
        return null;
    }

    int size() { return ints != null ? ints.length : reals.length; }

    int rank() { return dims.length; }

    /** All elements as longs (floats truncated), or null when one is not known. */
    long[] knownLongs() {
        long[] out = new long[size()];
        for (int i = 0; i < out.length; i++) {
            if (ints != null) {
                if (!ints[i].known()) return null;
                out[i] = ints[i].value();
            } else {
                out[i] = (long) reals[i];
            }
        }
        return out;
    }

    /** All elements as doubles, or null when one is not known. */
    double[] knownDoubles() {
        if (reals != null) return reals.clone();
        double[] out = new double[ints.length];
        for (int i = 0; i < out.length; i++) {
            if (!ints[i].known()) return null;
            out[i] = ints[i].value();
        }
        return out;
    }

    /** Elements as (partial) dims, for tensors that describe a shape; null for floating tensors. */
    Dim[] asDims() {
        if (ints == null) return null;
        Dim[] out = new Dim[ints.length];
        for (int i = 0; i < out.length; i++) out[i] = ints[i].toDim();
        return out;
    }

    /** A tensor of the given dims whose element i is this tensor's element {@code src[i]}. */
    ConstValue pick(DataType newType, long[] newDims, int[] src) {
        if (ints != null) {
            Elem[] e = new Elem[src.length];
            for (int i = 0; i < src.length; i++) e[i] = ints[src[i]];
            return ofInts(newType, newDims, e);
        }
        double[] d = new double[src.length];
        for (int i = 0; i < src.length; i++) d[i] = reals[src[i]];
        return ofReals(newType, newDims, d);
    }

    ConstValue reshaped(long[] newDims) { return new ConstValue(type, newDims, ints, reals); }

    static long count(long[] dims) {
        long n = 1;
        for (long d : dims) n = Math.multiplyExact(n, d);
        return n;
    }

    @Override
    public String toString() {
        return type + Arrays.toString(dims) + (ints != null ? Arrays.toString(ints) : Arrays.toString(reals));
    }
}
