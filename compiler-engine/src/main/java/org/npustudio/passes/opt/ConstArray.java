package org.npustudio.passes.opt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Tensor;

/**
 * A decoded constant for folding: element type, dims and the elements as doubles (floating types) or
 * longs (integers and bool), in row-major order.
 */
record ConstArray(DataType type, long[] dims, double[] d, long[] l) {
    static final Set<DataType> SUPPORTED = Set.of(DataType.FLOAT, DataType.DOUBLE, DataType.INT8, DataType.UINT8,
            DataType.INT16, DataType.UINT16, DataType.INT32, DataType.UINT32, DataType.INT64, DataType.BOOL);

    static boolean floating(DataType t) {
        return t == DataType.FLOAT || t == DataType.DOUBLE;
    }

    static ConstArray of(Tensor t) {
        if (!SUPPORTED.contains(t.dataType())) return null;
        return floating(t.dataType()) ? new ConstArray(t.dataType(), t.dims(), t.toDoubles(), null)
                : new ConstArray(t.dataType(), t.dims(), null, t.toLongs());
    }

    static ConstArray floats(DataType type, long[] dims, double[] values) {
        if (type == DataType.FLOAT) for (int i = 0; i < values.length; i++) values[i] = (float) values[i];
        return new ConstArray(type, dims, values, null);
    }

    static ConstArray longs(DataType type, long[] dims, long[] values) {
        return new ConstArray(type, dims, null, values);
    }

    boolean isFloating() { return d != null; }

    int size() { return isFloating() ? d.length : l.length; }

    int rank() { return dims.length; }

    double asDouble(int i) { return isFloating() ? d[i] : l[i]; }

    long asLong(int i) { return isFloating() ? (long) d[i] : l[i]; }

    long[] longValues() {
        if (!isFloating()) return l;
        long[] out = new long[d.length];
        for (int i = 0; i < out.length; i++) out[i] = (long) d[i];
        return out;
    }

    /** An array of the same type with other dims and elements picked by index from this one. */
    ConstArray gather(long[] newDims, int[] from) {
        if (isFloating()) {
            double[] v = new double[from.length];
            for (int i = 0; i < v.length; i++) v[i] = d[from[i]];
            return new ConstArray(type, newDims, v, null);
        }
        long[] v = new long[from.length];
        for (int i = 0; i < v.length; i++) v[i] = l[from[i]];
        return new ConstArray(type, newDims, null, v);
    }

    ConstArray withDims(long[] newDims) {
        return new ConstArray(type, newDims, d, l);
    }

    Tensor toTensor(String name) {
        int n = size();
        ByteBuffer b = ByteBuffer.allocate((int) type.bytesFor(n)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (type) {
                case FLOAT -> b.putFloat((float) d[i]);
                case DOUBLE -> b.putDouble(d[i]);
                case INT8, UINT8 -> b.put((byte) l[i]);
                case BOOL -> b.put((byte) (l[i] != 0 ? 1 : 0));
                case INT16, UINT16 -> b.putShort((short) l[i]);
                case INT32, UINT32 -> b.putInt((int) l[i]);
                case INT64 -> b.putLong(l[i]);
                default -> throw new IllegalStateException("cannot encode " + type);
            }
        }
        return Tensor.raw(name, type, dims, b.array());
    }

    static long count(long[] dims) {
        long c = 1;
        for (long x : dims) c = Math.multiplyExact(c, x);
        return c;
    }

    static long[] strides(long[] dims) {
        long[] s = new long[dims.length];
        long acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= dims[i];
        }
        return s;
    }
}
