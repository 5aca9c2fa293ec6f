package org.npustudio.shape;

import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Shape;

/** Operators that only change the element type: Cast, CastLike and the quantization family. */
final class CastShapes {
    private CastShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("Cast", c -> c.setOutput(0, typeAttr(c, "to", DataType.UNDEFINED), c.shape(0)));
        m.put("CastLike", c -> c.setOutput(0, c.elemType(1), c.shape(0)));
        m.put("QuantizeLinear", CastShapes::quantize);
        m.put("DequantizeLinear", CastShapes::dequantize);
        m.put("DynamicQuantizeLinear", c -> {
            c.setOutput(0, DataType.UINT8, c.shape(0));
            c.setOutput(1, DataType.FLOAT, Shape.SCALAR);
            c.setOutput(2, DataType.UINT8, Shape.SCALAR);
        });
    }

    /** Output type: output_dtype (opset 21+) when set, else the zero point's type, else uint8. */
    private static void quantize(InferenceContext c) throws ShapeInferenceException {
        DataType t = typeAttr(c, "output_dtype", DataType.UNDEFINED);
        if (t == DataType.UNDEFINED) t = c.hasInput(2) ? c.elemType(2) : DataType.UINT8;
        c.setOutput(0, t, c.shape(0));
    }

    /** Output type: output_dtype when set, else the scale's type (opset 19+), float before. */
    private static void dequantize(InferenceContext c) throws ShapeInferenceException {
        DataType t = typeAttr(c, "output_dtype", DataType.UNDEFINED);
        if (t == DataType.UNDEFINED) t = c.opset() >= 19 ? c.elemType(1) : DataType.FLOAT;
        c.setOutput(0, t, c.shape(0));
    }

    static DataType typeAttr(InferenceContext c, String name, DataType dflt) throws ShapeInferenceException {
        if (!c.hasAttr(name)) return dflt;
        long code = c.attr(name, 0);
        DataType t = DataType.fromCode((int) code);
        if (t == null || code != (int) code) throw c.fail(name + " = " + code + " is not an ONNX element type");
        return t;
    }
}
