package org.npustudio.runtime;

import com.google.protobuf.ByteString;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.onnx.proto.OnnxProto.TensorProto;

/** Checks that a TensorProto's data agrees with its type and dims, so later decoding cannot fail. */
final class TensorPayload {
    private TensorPayload() {}

    static void check(TensorProto t, String file) throws StudioException {
        String place = t.getName().isEmpty() ? "" : "tensor '" + t.getName() + "'";
        DataType type = DataType.fromCode(t.getDataType());
        if (type == null || type == DataType.UNDEFINED) {
            throw new StudioException(file, place, "data_type " + t.getDataType() + " is not an ONNX element type");
        }
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            throw new StudioException(file, place, "the tensor's data is stored in an external file; tensor files must hold it inline");
        }
        long n = 1;
        for (long d : t.getDimsList()) {
            if (d < 0) throw new StudioException(file, place, "negative dimension " + d + " in " + t.getDimsList());
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                throw new StudioException(file, place, "dimensions " + t.getDimsList() + " overflow a 64-bit element count");
            }
        }
        boolean complex = type == DataType.COMPLEX64 || type == DataType.COMPLEX128;
        if (t.hasRawData()) {
            if (type == DataType.STRING) throw new StudioException(file, place, "a string tensor cannot use raw_data");
            long need = type.bytesFor(n) * (complex ? 2 : 1);
            if (t.getRawData().size() != need) {
                throw new StudioException(file, place, "raw_data has " + t.getRawData().size() + " bytes but dims "
                        + t.getDimsList() + " of " + type.displayName() + " need " + need);
            }
            return;
        }
        long have = typedCount(t, type);
        long need = switch (type) {
            case COMPLEX64, COMPLEX128 -> 2 * n;
            case INT4, UINT4, FLOAT4E2M1 -> (n + 1) / 2;
            case INT2, UINT2 -> (n + 3) / 4;
            default -> n;
        };
        if (have != need) {
            throw new StudioException(file, place, "the tensor holds " + have + " values but dims " + t.getDimsList()
                    + " of " + type.displayName() + " need " + need);
        }
    }

    /**
     * 2-bit tensors written with int32_data (four values per entry, low bits first) are moved to raw_data,
     * the layout the IR decodes; every other tensor is returned unchanged.
     */
    static TensorProto packSubByte(TensorProto t) {
        DataType type = DataType.fromCode(t.getDataType());
        if ((type != DataType.INT2 && type != DataType.UINT2) || t.hasRawData()) return t;
        byte[] raw = new byte[t.getInt32DataCount()];
        for (int i = 0; i < raw.length; i++) raw[i] = (byte) t.getInt32Data(i);
        return t.toBuilder().clearInt32Data().setRawData(ByteString.copyFrom(raw)).build();
    }

    /** How many entries the typed field that ONNX uses for this element type holds. */
    private static long typedCount(TensorProto t, DataType type) {
        return switch (type) {
            case FLOAT, COMPLEX64 -> t.getFloatDataCount();
            case DOUBLE, COMPLEX128 -> t.getDoubleDataCount();
            case INT64 -> t.getInt64DataCount();
            case UINT32, UINT64 -> t.getUint64DataCount();
            case STRING -> t.getStringDataCount();
            default -> t.getInt32DataCount();
        };
    }
}
