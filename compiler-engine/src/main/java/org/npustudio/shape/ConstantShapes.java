package org.npustudio.shape;

import java.util.List;
import java.util.Map;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Dim;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.onnx.proto.OnnxProto;

/** Operators that create tensors or describe shapes: Constant, ConstantOfShape, Shape, Size, Range, EyeLike. */
final class ConstantShapes {
    private ConstantShapes() {}

    static void register(Map<String, ShapeRule> m) {
        m.put("Constant", ConstantShapes::constant);
        m.put("ConstantOfShape", ConstantShapes::constantOfShape);
        m.put("Shape", ConstantShapes::shape);
        m.put("Size", c -> c.setOutput(0, DataType.INT64, Shape.SCALAR));
        m.put("Range", ConstantShapes::range);
        m.put("EyeLike", c -> {
            DataType t = c.hasAttr("dtype") ? DataType.fromCode((int) c.attr("dtype", 0)) : c.elemType(0);
            c.setOutput(0, t, c.shape(0));
        });
    }

    private static void constant(InferenceContext c) throws ShapeInferenceException {
        for (Attribute a : c.node().attributes().values()) {
            switch (a.name()) {
                case "value" -> {
                    Tensor t = a.asTensor();
                    c.setOutput(0, t.dataType(), t.shape());
                }
                case "sparse_value" -> {
                    OnnxProto.SparseTensorProto s = (OnnxProto.SparseTensorProto) a.value();
                    long[] dims = s.getDimsList().stream().mapToLong(Long::longValue).toArray();
                    c.setOutput(0, DataType.fromCode(s.getValues().getDataType()), Shape.fromSizes(dims));
                }
                case "value_float" -> c.setOutput(0, DataType.FLOAT, Shape.SCALAR);
                case "value_floats" -> c.setOutput(0, DataType.FLOAT, Shape.of(a.asFloats().length));
                case "value_int" -> c.setOutput(0, DataType.INT64, Shape.SCALAR);
                case "value_ints" -> c.setOutput(0, DataType.INT64, Shape.of(a.asLongs().length));
                case "value_string" -> c.setOutput(0, DataType.STRING, Shape.SCALAR);
                case "value_strings" -> c.setOutput(0, DataType.STRING, Shape.of(a.asByteStrings().size()));
                default -> { }
            }
        }
        if (c.output(0) == null) throw c.fail("Constant has no value attribute");
    }

    private static void constantOfShape(InferenceContext c) {
        Attribute value = c.node().attribute("value");
        DataType t = value == null ? DataType.FLOAT : value.asTensor().dataType();
        Dim[] dims = c.constDims(0);
        if (dims != null) {
            c.setOutput(0, t, Shape.of(List.of(dims)));
            return;
        }
        c.dependsOnInput(0);
        Shape s = c.shape(0);
        c.setOutput(0, t, s != null && s.rank() == 1 && s.dim(0).isKnown()
                ? ReshapeShapes.unknownDims((int) s.dim(0).value()) : null);
    }

    private static void shape(InferenceContext c) {
        Shape x = c.shape(0);
        if (x == null) {
            c.setOutput(0, DataType.INT64, Shape.of(List.of(Dim.UNKNOWN)));
            return;
        }
        int[] r = shapeRange(c, x.rank());
        c.setOutput(0, DataType.INT64, Shape.of(Math.max(0, r[1] - r[0])));
    }

    /** [start, end) of the dims Shape returns (start/end attributes from opset 15, clamped). */
    static int[] shapeRange(InferenceContext c, int rank) {
        long start = c.attr("start", 0);
        long end = c.attr("end", rank);
        if (start < 0) start += rank;
        if (end < 0) end += rank;
        start = Math.max(0, Math.min(rank, start));
        end = Math.max(0, Math.min(rank, end));
        return new int[] {(int) start, (int) end};
    }

    private static void range(InferenceContext c) {
        double[] start = c.constDoubles(0);
        double[] limit = c.constDoubles(1);
        double[] delta = c.constDoubles(2);
        DataType t = c.elemType(0);
        if (start == null || limit == null || delta == null || delta.length != 1 || delta[0] == 0) {
            c.dependsOnData("the output length depends on the values of start, limit and delta, which are not"
                    + " all constants");
            c.setOutput(0, t, Shape.of(List.of(Dim.UNKNOWN)));
            return;
        }
        c.setOutput(0, t, Shape.of(rangeLength(start[0], limit[0], delta[0])));
    }

    static long rangeLength(double start, double limit, double delta) {
        return Math.max(0, (long) Math.ceil((limit - start) / delta));
    }
}
