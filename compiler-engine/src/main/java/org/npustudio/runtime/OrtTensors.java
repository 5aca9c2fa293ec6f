package org.npustudio.runtime;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import com.google.protobuf.ByteString;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.proto.OnnxProto.TensorProto;

/**
 * Converts between our {@link Tensor} and ONNX Runtime's {@link OnnxTensor}, keeping the exact element
 * bytes so results can be compared bit for bit. ORT's Java API can create tensors only of the types in
 * {@link OnnxJavaType}; it can read back any type whose element width it knows (unsigned ints included).
 */
public final class OrtTensors {
    private OrtTensors() {}

    /** True when {@link #toOrt} can build an ORT tensor of this element type. */
    public static boolean canCreate(DataType type) {
        return javaType(type) != null;
    }

    /** A new ORT tensor holding a copy of the tensor's elements; the caller closes it. */
    public static OnnxTensor toOrt(OrtEnvironment env, Tensor t) throws StudioException {
        DataType type = t.dataType();
        OnnxJavaType jt = javaType(type);
        if (jt == null) {
            throw new StudioException("tensor '" + t.name() + "'", "", "ONNX Runtime's Java API cannot create "
                    + type.displayName() + " tensors (it supports float32, float64, float16, bfloat16, int8, int16, int32,"
                    + " int64, uint8, bool and string)");
        }
        try {
            if (type == DataType.STRING) {
                String[] values = new String[t.strings().size()];
                for (int i = 0; i < values.length; i++) values[i] = t.strings().get(i).toString(StandardCharsets.UTF_8);
                return OnnxTensor.createTensor(env, values, t.dims());
            }
            return OnnxTensor.createTensor(env, nativeCopy(t.rawBytes(), type), t.dims(), jt);
        } catch (OrtException | RuntimeException e) {
            throw new StudioException("tensor '" + t.name() + "'", "", "ONNX Runtime cannot hold it: " + firstLine(e), e);
        }
    }

    /** Our tensor (with the given name) holding a copy of an ORT tensor's type, dims and element bytes. */
    public static Tensor fromOrt(OnnxTensor value, String name) throws StudioException {
        TensorInfo info = value.getInfo();
        DataType type = dataType(info.onnxType);
        if (type == null || type == DataType.UNDEFINED || info.type == OnnxJavaType.UNKNOWN) {
            throw new StudioException("output '" + name + "'", "", "ONNX Runtime's Java API cannot read "
                    + (type == null ? info.onnxType.name() : type.displayName()) + " tensors");
        }
        long[] dims = info.getShape();
        try {
            if (type == DataType.STRING) return strings(name, dims, value.getValue());
            ByteBuffer nat = value.getByteBuffer();
            long need = type.bytesFor(info.getNumElements());
            if (nat.remaining() != need) {
                throw new StudioException("output '" + name + "'", "", "ONNX Runtime returned " + nat.remaining() + " bytes for "
                        + info.getNumElements() + " " + type.displayName() + " elements (" + need + " expected)");
            }
            byte[] le = littleEndian(nat, type.bits() / 8);
            return Tensor.raw(name, type, dims, le);
        } catch (OrtException | RuntimeException e) {
            throw new StudioException("output '" + name + "'", "", "cannot read ONNX Runtime's result: " + firstLine(e), e);
        }
    }

    /** ORT numbers its element types differently from ONNX, but names them the same. */
    public static DataType dataType(TensorInfo.OnnxTensorType t) {
        String prefix = "ONNX_TENSOR_ELEMENT_DATA_TYPE_";
        String n = t.name();
        if (!n.startsWith(prefix)) return null;
        try {
            return DataType.valueOf(n.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OnnxJavaType javaType(DataType type) {
        return switch (type) {
            case FLOAT -> OnnxJavaType.FLOAT;
            case DOUBLE -> OnnxJavaType.DOUBLE;
            case INT8 -> OnnxJavaType.INT8;
            case INT16 -> OnnxJavaType.INT16;
            case INT32 -> OnnxJavaType.INT32;
            case INT64 -> OnnxJavaType.INT64;
            case UINT8 -> OnnxJavaType.UINT8;
            case BOOL -> OnnxJavaType.BOOL;
            case STRING -> OnnxJavaType.STRING;
            case FLOAT16 -> OnnxJavaType.FLOAT16;
            case BFLOAT16 -> OnnxJavaType.BFLOAT16;
            default -> null;
        };
    }

    /** A direct buffer in native order, as ORT reads it without another copy. */
    private static ByteBuffer nativeCopy(ByteBuffer littleEndian, DataType type) {
        ByteBuffer src = littleEndian.duplicate();
        ByteBuffer out = ByteBuffer.allocateDirect(src.remaining()).order(ByteOrder.nativeOrder());
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN || type.bits() <= 8) {
            out.put(src);
        } else {
            byte[] le = new byte[src.remaining()];
            src.get(le);
            out.put(swap(le, type.bits() / 8));
        }
        return out.flip();
    }

    private static byte[] littleEndian(ByteBuffer nativeOrder, int width) {
        byte[] b = new byte[nativeOrder.remaining()];
        nativeOrder.duplicate().get(b);
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN || width <= 1 ? b : swap(b, width);
    }

    private static byte[] swap(byte[] b, int width) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i += width) {
            for (int j = 0; j < width; j++) out[i + j] = b[i + width - 1 - j];
        }
        return out;
    }

    /** ORT returns strings as a String (scalar) or nested String arrays; flatten in C order. */
    private static Tensor strings(String name, long[] dims, Object value) {
        List<ByteString> flat = new ArrayList<>();
        flatten(value, flat);
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(DataType.STRING.code()).addAllStringData(flat);
        for (long d : dims) b.addDims(d);
        return Tensor.of(b.build());
    }

    private static void flatten(Object v, List<ByteString> out) {
        if (v instanceof String s) {
            out.add(ByteString.copyFromUtf8(s));
        } else if (v != null && v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) flatten(Array.get(v, i), out);
        }
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl).strip();
    }
}
