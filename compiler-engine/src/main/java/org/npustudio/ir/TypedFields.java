package org.npustudio.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.npustudio.onnx.proto.OnnxProto.TensorProto;

/** Packs a TensorProto's typed repeated fields (float_data, int32_data, …) into the raw_data layout. */
final class TypedFields {
    private TypedFields() {}

    static ByteBuffer pack(TensorProto p, DataType type, long count) {
        int n = Math.toIntExact(count);
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(type.bytesFor(n))).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case FLOAT -> { for (int i = 0; i < n; i++) b.putFloat(p.getFloatData(i)); }
            case COMPLEX64 -> { for (int i = 0; i < 2 * n; i++) b.putFloat(p.getFloatData(i)); }
            case DOUBLE -> { for (int i = 0; i < n; i++) b.putDouble(p.getDoubleData(i)); }
            case COMPLEX128 -> { for (int i = 0; i < 2 * n; i++) b.putDouble(p.getDoubleData(i)); }
            case INT64 -> { for (int i = 0; i < n; i++) b.putLong(p.getInt64Data(i)); }
            case UINT32, UINT64 -> {
                for (int i = 0; i < n; i++) {
                    if (type == DataType.UINT32) b.putInt((int) p.getUint64Data(i)); else b.putLong(p.getUint64Data(i));
                }
            }
            case INT32 -> { for (int i = 0; i < n; i++) b.putInt(p.getInt32Data(i)); }
            case INT16, UINT16, FLOAT16, BFLOAT16 -> { for (int i = 0; i < n; i++) b.putShort((short) p.getInt32Data(i)); }
            case INT8, UINT8, BOOL, FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ, FLOAT8E8M0 -> {
                for (int i = 0; i < n; i++) b.put((byte) p.getInt32Data(i));
            }
            case INT4, UINT4, FLOAT4E2M1 -> {
                // int32_data already holds two 4-bit values per entry, low nibble first.
                int bytes = (n + 1) / 2;
                for (int i = 0; i < bytes; i++) b.put((byte) p.getInt32Data(i));
            }
            default -> throw new IllegalStateException("tensor '" + p.getName() + "' of type " + type
                    + " has no numeric byte layout");
        }
        return b.flip();
    }
}
