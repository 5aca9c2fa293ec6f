package org.npustudio.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.npustudio.error.StudioException;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Tensor;
import org.npustudio.ir.TypeInfo;
import org.npustudio.ir.ValueInfo;
import org.npustudio.shape.ShapeBinding;

/**
 * {@code --input-value NAME=V}: an input filled with one value of its own element type and its (bound,
 * static) shape, e.g. silero VAD's {@code sr=16000}. Such inputs also count as constants for shape
 * inference, so an If on them picks its branch.
 */
public final class InputValues {
    private InputValues() {}

    public static Map<String, Tensor> parse(List<String> texts, Graph g) throws StudioException {
        Map<String, ValueInfo> inputs = ShapeBinding.realInputs(g);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String text : texts) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new StudioException("--input-value", "", "'" + text + "' is not NAME=VALUE, e.g. sr=16000");
            }
            String name = text.substring(0, eq);
            ValueInfo v = inputs.get(name);
            if (v == null) {
                throw new StudioException("--input-value", name, "the model has no input named '" + name + "'; inputs: "
                        + String.join(", ", inputs.keySet()));
            }
            if (out.containsKey(name)) throw new StudioException("--input-value", name, "is given more than once");
            out.put(name, filled(v, text.substring(eq + 1).trim()));
        }
        return out;
    }

    static Tensor filled(ValueInfo v, String value) throws StudioException {
        TypeInfo.TensorType t = v.tensorType();
        if (t == null || t.shape() == null || !t.shape().isStatic()) {
            throw new StudioException("--input-value", v.name(), "input '" + v.name() + "' has no static shape"
                    + (t == null || t.shape() == null ? "" : " (" + t.shape() + ")") + "; give it one with --input-shape");
        }
        long[] dims = t.shape().sizes();
        long n = t.shape().elementCount();
        DataType type = t.elemType();
        if (n * Math.max(1, type.bits() / 8) > Integer.MAX_VALUE) throw new StudioException("--input-value", v.name(), "input is too large");
        ByteBuffer b = ByteBuffer.allocate((int) type.bytesFor(n)).order(ByteOrder.LITTLE_ENDIAN);
        try {
            for (long i = 0; i < n; i++) put(b, type, value);
        } catch (NumberFormatException e) {
            throw new StudioException("--input-value", v.name(), "'" + value + "' is not a valid " + type.displayName() + " value");
        }
        return Tensor.raw(v.name(), type, dims, b.array());
    }

    /** IEEE binary16 bits of {@code f} ({@link org.npustudio.ir.Float16#fromFloat}). */
    static short half(float f) {
        return org.npustudio.ir.Float16.fromFloat(f);
    }

    private static void put(ByteBuffer b, DataType type, String s) throws StudioException {
        switch (type) {
            case FLOAT -> b.putFloat(Float.parseFloat(s));
            case DOUBLE -> b.putDouble(Double.parseDouble(s));
            case FLOAT16 -> b.putShort(half(Float.parseFloat(s)));
            case INT64 -> b.putLong(Long.parseLong(s));
            case INT32 -> b.putInt(Integer.parseInt(s));
            case INT16 -> b.putShort(Short.parseShort(s));
            case INT8 -> b.put(Byte.parseByte(s));
            case UINT8 -> {
                int u = Integer.parseInt(s);
                if (u < 0 || u > 255) throw new NumberFormatException();
                b.put((byte) u);
            }
            case BOOL -> {
                if (!s.equals("true") && !s.equals("false") && !s.equals("1") && !s.equals("0")) throw new NumberFormatException();
                b.put((byte) (s.equals("true") || s.equals("1") ? 1 : 0));
            }
            default -> throw new StudioException("--input-value", "", type.displayName() + " inputs cannot be given as one value");
        }
    }
}
