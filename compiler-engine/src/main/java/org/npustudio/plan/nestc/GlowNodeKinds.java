package org.npustudio.plan.nestc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Glow node kinds (as NEST-C device configs list them in supportedNodes/nonSupportedNodes) and the ONNX
 * op types they stand for. Only obvious correspondences; docs/partition-format.md prints this table.
 * Kinds not here (e.g. Splat, Glow's constant fill) have no ONNX op and are reported, not guessed.
 */
public final class GlowNodeKinds {
    private static final Map<String, List<String>> TABLE = new LinkedHashMap<>();

    static {
        put("Convolution", "Conv");
        put("ChannelwiseQuantizedConvolution", "Conv");
        put("ConvTranspose", "ConvTranspose");
        put("MaxPool", "MaxPool");
        put("AvgPool", "AveragePool", "GlobalAveragePool");
        put("AdaptiveAvgPool", "GlobalAveragePool");
        put("FullyConnected", "Gemm");
        put("MatMul", "MatMul");
        put("BatchMatMul", "MatMul");
        put("Add", "Add");
        put("Sub", "Sub");
        put("Mul", "Mul");
        put("Div", "Div");
        put("Max", "Max");
        put("Min", "Min");
        put("Pow", "Pow");
        put("Relu", "Relu");
        put("LeakyRelu", "LeakyRelu");
        put("PRelu", "PRelu");
        put("Sigmoid", "Sigmoid");
        put("Tanh", "Tanh");
        put("Exp", "Exp");
        put("Log", "Log");
        put("Sqrt", "Sqrt");
        put("Clip", "Clip");
        put("SoftMax", "Softmax");
        put("LocalResponseNormalization", "LRN");
        put("BatchNormalization", "BatchNormalization");
        put("LayerNormalization", "LayerNormalization");
        put("Concat", "Concat");
        put("Reshape", "Reshape", "Flatten", "Squeeze", "Unsqueeze");
        put("Transpose", "Transpose");
        put("Slice", "Slice");
        put("Gather", "Gather");
        put("Pad", "Pad");
        put("Tile", "Tile");
        put("BatchedReduceAdd", "ReduceSum");
        put("BatchedReduceMean", "ReduceMean");
        put("Quantize", "QuantizeLinear");
        put("Dequantize", "DequantizeLinear");
        put("Resize", "Resize");
    }

    private GlowNodeKinds() {}

    private static void put(String glow, String... onnx) {
        TABLE.put(glow, List.of(onnx));
    }

    /** ONNX op types for a Glow kind (case-insensitive), or null when there is no obvious one. */
    public static List<String> onnxOps(String glowKind) {
        for (Map.Entry<String, List<String>> e : TABLE.entrySet()) {
            if (e.getKey().equalsIgnoreCase(glowKind.trim())) return e.getValue();
        }
        return null;
    }

    public static Map<String, List<String>> table() { return java.util.Collections.unmodifiableMap(TABLE); }
}
