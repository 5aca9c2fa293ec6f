package org.npustudio.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Decodes little-endian element bytes of any numeric ONNX type into Java arrays. */
public final class ElementDecoder {
    private ElementDecoder() {}

    public static double[] toDoubles(ByteBuffer raw, DataType type, int n) {
        ByteBuffer b = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[n];
        switch (type) {
            case FLOAT -> { for (int i = 0; i < n; i++) out[i] = b.getFloat(); }
            case DOUBLE -> { for (int i = 0; i < n; i++) out[i] = b.getDouble(); }
            case FLOAT16 -> { for (int i = 0; i < n; i++) out[i] = Float16.toFloat(b.getShort()); }
            case BFLOAT16 -> { for (int i = 0; i < n; i++) out[i] = Float.intBitsToFloat((b.getShort() & 0xffff) << 16); }
            default -> {
                long[] l = toLongs(raw, type, n);
                for (int i = 0; i < n; i++) {
                    // uint64 above Long.MAX_VALUE: halve, convert, double back
                    out[i] = type == DataType.UINT64 && l[i] < 0 ? (double) (l[i] >>> 1) * 2.0 + (l[i] & 1) : l[i];
                }
            }
        }
        return out;
    }

    public static long[] toLongs(ByteBuffer raw, DataType type, int n) {
        ByteBuffer b = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[n];
        switch (type) {
            case INT64, UINT64 -> { for (int i = 0; i < n; i++) out[i] = b.getLong(); }
            case INT32 -> { for (int i = 0; i < n; i++) out[i] = b.getInt(); }
            case UINT32 -> { for (int i = 0; i < n; i++) out[i] = b.getInt() & 0xffffffffL; }
            case INT16 -> { for (int i = 0; i < n; i++) out[i] = b.getShort(); }
            case UINT16 -> { for (int i = 0; i < n; i++) out[i] = b.getShort() & 0xffff; }
            case INT8 -> { for (int i = 0; i < n; i++) out[i] = b.get(); }
            case UINT8, BOOL -> { for (int i = 0; i < n; i++) out[i] = b.get() & 0xff; }
            case INT4, UINT4 -> {
                for (int i = 0; i < n; i++) {
                    int byteVal = b.get(b.position() + i / 2) & 0xff;
                    int nib = (i % 2 == 0) ? byteVal & 0xf : byteVal >> 4;
                    out[i] = type == DataType.INT4 && nib >= 8 ? nib - 16 : nib;
                }
            }
            case FLOAT, DOUBLE, FLOAT16, BFLOAT16 -> {
                double[] d = toDoubles(raw, type, n);
                for (int i = 0; i < n; i++) out[i] = (long) d[i];
            }
            default -> throw new IllegalStateException("cannot decode elements of type " + type);
        }
        return out;
    }
}
