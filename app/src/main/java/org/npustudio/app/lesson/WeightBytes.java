package org.npustudio.app.lesson;

import java.util.HashSet;
import java.util.Set;
import org.npustudio.ir.Attribute;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;

/**
 * The {@code weight_bytes} measure: what a model's constants (initializers and the values of Constant nodes, as
 * exporters such as paddle2onnx write weights) take at the precision they are stored in, so a lesson can reward
 * int4 weights. Below opset 21 the quantizer stores int4 weights as int8 values in [−8, 7]
 * behind a DequantizeLinear; such a tensor counts as int4 (an int8 weight quantized from a float tensor always
 * reaches ±127 in each channel, so the two never meet in practice).
 */
public final class WeightBytes {
    private WeightBytes() {}

    public static double of(Graph g) {
        Set<String> dequantized = new HashSet<>();
        for (Node n : g.nodes()) if (n.opType().equals("DequantizeLinear")) dequantized.add(n.input(0));
        double bytes = 0;
        for (Tensor t : g.initializers().values()) bytes += bytes(t, dequantized.contains(t.name()));
        for (Node n : g.nodes()) {
            Attribute v = n.opType().equals("Constant") ? n.attribute("value") : null;
            if (v != null && v.kind() == Attribute.Kind.TENSOR) bytes += bytes((Tensor) v.value(), dequantized.contains(n.output(0)));
        }
        return bytes;
    }

    private static double bytes(Tensor t, boolean dequantized) {
        int bits = t.dataType().bits();
        if (t.dataType() == DataType.INT8 && dequantized && withinInt4(t)) bits = 4;
        return t.elementCount() * bits / 8.0;
    }

    private static boolean withinInt4(Tensor t) {
        var b = t.rawBytes();
        while (b.hasRemaining()) {
            byte v = b.get();
            if (v < -8 || v > 7) return false;
        }
        return true;
    }
}
