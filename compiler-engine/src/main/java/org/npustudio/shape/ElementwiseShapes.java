package org.npustudio.shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Shape;

/** Operators whose output has the shape of an input or of the broadcast of all inputs. */
final class ElementwiseShapes {
    private ElementwiseShapes() {}

    private static final String[] SAME_AS_INPUT = {
        "Relu", "Sigmoid", "Tanh", "LeakyRelu", "HardSigmoid", "HardSwish", "Gelu", "Erf", "Clip", "Neg", "Abs",
        "Exp", "Log", "Sqrt", "Reciprocal", "Floor", "Ceil", "Round", "Sign", "Sin", "Cos", "Tan", "Asin", "Acos",
        "Atan", "Sinh", "Cosh", "Asinh", "Acosh", "Atanh", "Elu", "Selu", "Celu", "Softplus", "Softsign",
        "ThresholdedRelu", "Mish", "Swish", "Shrink", "BitwiseNot", "Softmax", "LogSoftmax", "Hardmax", "Trilu",
        "CumSum", "CumProd", "ReverseSequence", "Scatter", "ScatterElements", "ScatterND", "LRN",
        "MeanVarianceNormalization", "LpNormalization", "InstanceNormalization", "GroupNormalization",
        "RMSNormalization",
    };
    private static final String[] TO_BOOL = {"IsNaN", "IsInf", "Not"};
    private static final String[] BROADCAST = {
        "Add", "Sub", "Mul", "Div", "Pow", "Mod", "BitShift", "BitwiseAnd", "BitwiseOr", "BitwiseXor", "PRelu",
        "Max", "Min", "Sum", "Mean",
    };
    private static final String[] BROADCAST_TO_BOOL = {
        "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor",
    };

    static void register(Map<String, ShapeRule> m) {
        for (String op : SAME_AS_INPUT) m.put(op, c -> c.setOutput(0, c.elemType(0), c.shape(0)));
        for (String op : TO_BOOL) m.put(op, c -> c.setOutput(0, DataType.BOOL, c.shape(0)));
        for (String op : BROADCAST) m.put(op, c -> broadcast(c, firstKnownElem(c)));
        for (String op : BROADCAST_TO_BOOL) m.put(op, c -> broadcast(c, DataType.BOOL));
        m.put("Where", c -> broadcast(c, c.elemType(1) != DataType.UNDEFINED ? c.elemType(1) : c.elemType(2)));
        m.put("Identity", c -> c.setOutputType(0, c.inputTypeInfo(0)));
        m.put("Dropout", ElementwiseShapes::dropout);
    }

    private static void broadcast(InferenceContext c, DataType elem) throws ShapeInferenceException {
        if (c.opset() < 7 && c.inputCount() == 2) {
            // Before opset 7, B was broadcast onto A (attributes broadcast/axis), so A's shape is the result.
            c.setOutput(0, elem, c.shape(0));
            return;
        }
        List<Shape> shapes = new ArrayList<>();
        for (int i = 0; i < c.inputCount(); i++) if (c.hasInput(i)) shapes.add(c.shape(i));
        c.setOutput(0, elem, BroadcastShapes.broadcast(shapes, c));
    }

    private static DataType firstKnownElem(InferenceContext c) {
        for (int i = 0; i < c.inputCount(); i++) if (c.elemType(i) != DataType.UNDEFINED) return c.elemType(i);
        return DataType.UNDEFINED;
    }

    /** Dropout's optional mask is bool from opset 10 on (before, it had the data's type). */
    private static void dropout(InferenceContext c) {
        c.setOutput(0, c.elemType(0), c.shape(0));
        c.setOutput(1, c.opset() >= 10 ? DataType.BOOL : c.elemType(0), c.shape(0));
    }
}
