package org.npustudio.npusim.mapping;

import java.util.List;
import java.util.Set;
import org.npustudio.ir.Node;

/** Which ONNX op types the cost model treats as array, vector, data-movement or shape-only work. */
public final class OpCatalog {
    private OpCatalog() {}

    public static final Set<String> GEMM = Set.of("Conv", "ConvTranspose", "Gemm", "MatMul");

    /** One operation per output element (broadcasting element-wise ops and activations). */
    public static final Set<String> ELEMENTWISE = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum", "Mean",
            "Relu", "LeakyRelu", "PRelu", "Sigmoid", "Tanh", "Clip", "Exp", "Log", "Sqrt", "Reciprocal", "Neg", "Abs", "Erf",
            "Gelu", "HardSigmoid", "HardSwish", "Elu", "Selu", "Celu", "Softplus", "Softsign", "Mish", "Where", "Equal", "Less",
            "Greater", "LessOrEqual", "GreaterOrEqual", "Not", "And", "Or", "Xor", "Cast", "QuantizeLinear",
            "DequantizeLinear", "Floor", "Ceil", "Round", "Sign", "ThresholdedRelu", "Sin", "Cos", "IsNaN", "Mod", "BitShift");

    /** One (or op_cycles) operation per input element: normalisations, softmax and reductions. */
    public static final Set<String> PER_INPUT = Set.of("Softmax", "LogSoftmax", "Hardmax", "LayerNormalization",
            "BatchNormalization", "InstanceNormalization", "GroupNormalization", "LpNormalization", "LRN",
            "MeanVarianceNormalization", "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1",
            "ReduceL2", "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp", "ArgMax", "ArgMin",
            "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool", "CumSum", "TopK");

    /** Windowed pooling: one operation per window element per output. */
    public static final Set<String> POOL = Set.of("MaxPool", "AveragePool", "LpPool");

    public static final Set<String> MOVE = Set.of("Transpose", "Concat", "Split", "Slice", "Pad", "Gather", "GatherElements",
            "GatherND", "Tile", "Expand", "Resize", "Upsample", "DepthToSpace", "SpaceToDepth", "ScatterND",
            "ScatterElements", "ReverseSequence", "Compress", "OneHot");

    public static final Set<String> FREE = Set.of("Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity", "Dropout",
            "Constant", "Shape", "Size", "ConstantOfShape", "Range", "NonZero");

    /** The compiler's fused operators' domain (compiler-engine's FusedOps). */
    static final String FUSED_DOMAIN = "org.npustudio";

    /** Whether {@code n} is the compiler's fused Conv or Gemm ({@code fusedOp}: FusedConv or FusedGemm). */
    public static boolean isFused(Node n, String fusedOp) {
        return n.opType().equals(fusedOp) && n.domain().equals(FUSED_DOMAIN);
    }

    /**
     * The op types a device must support to run {@code n}: a FusedConv or FusedGemm needs its Conv or Gemm
     * and its activation (an NPU runs the fused node only when it runs both parts); anything else its own type.
     */
    public static List<String> needs(Node n) {
        boolean conv = isFused(n, "FusedConv");
        if (!conv && !isFused(n, "FusedGemm")) return List.of(n.opType());
        String act = n.attrString("activation", "");
        return act.isEmpty() ? List.of(conv ? "Conv" : "Gemm") : List.of(conv ? "Conv" : "Gemm", act);
    }

    /** Ops a device must list to run them (shape-only ops run anywhere: they only relabel a tensor). */
    public static boolean needsSupport(String opType) { return !FREE.contains(opType); }

    public static boolean known(String opType) {
        return GEMM.contains(opType) || ELEMENTWISE.contains(opType) || PER_INPUT.contains(opType) || POOL.contains(opType)
                || MOVE.contains(opType) || FREE.contains(opType);
    }
}
