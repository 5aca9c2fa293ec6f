package org.npustudio.graphview.scene;

import java.util.HashMap;
import java.util.Map;

/**
 * Families of operators that share a node colour. Fills are mid-tone so both the filled rectangle at
 * overview zoom and the white title on it stay readable; {@link #OTHER} is light with dark text.
 */
public enum OpCategory {
    CONV("Convolution", 0xFF2F62A8),
    LINEAR("Linear / MatMul", 0xFF6546A8),
    ACTIVATION("Activation", 0xFFA8403A),
    NORMALISATION("Normalisation", 0xFF2E7D5B),
    POOLING("Pooling", 0xFF17808A),
    ELEMENTWISE("Elementwise math", 0xFF5F6B7A),
    SHAPE("Shape / data movement", 0xFF76674A),
    QUANTISATION("Quantisation", 0xFF985A0C),
    CONTROL_FLOW("Control flow", 0xFF8A3482),
    INPUT_OUTPUT("Graph input / output", 0xFF2A2F36),
    OTHER("Other", 0xFFDDE1E6);

    private static final Map<String, OpCategory> BY_OP = new HashMap<>();

    static {
        put(CONV, "Conv", "ConvTranspose", "ConvInteger", "QLinearConv", "DeformConv", "NhwcConv", "FusedConv");
        put(LINEAR, "MatMul", "Gemm", "MatMulInteger", "QLinearMatMul", "Einsum", "FusedMatMul", "Attention",
                "MultiHeadAttention", "RNN", "LSTM", "GRU");
        put(ACTIVATION, "Relu", "LeakyRelu", "PRelu", "Sigmoid", "Tanh", "Elu", "Selu", "Celu", "Softplus",
                "Softsign", "HardSigmoid", "HardSwish", "Gelu", "FastGelu", "BiasGelu", "Mish", "Swish", "Clip",
                "ThresholdedRelu", "Softmax", "LogSoftmax", "Hardmax", "QuickGelu");
        put(NORMALISATION, "BatchNormalization", "LayerNormalization", "InstanceNormalization",
                "GroupNormalization", "LpNormalization", "MeanVarianceNormalization", "SkipLayerNormalization",
                "SimplifiedLayerNormalization", "RMSNormalization", "LRN");
        put(POOLING, "MaxPool", "AveragePool", "LpPool", "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool",
                "MaxRoiPool", "RoiAlign", "MaxUnpool");
        put(ELEMENTWISE, "Add", "Sub", "Mul", "Div", "Pow", "Sqrt", "Exp", "Log", "Neg", "Abs", "Reciprocal",
                "Erf", "Floor", "Ceil", "Round", "Sign", "Sin", "Cos", "Tan", "Max", "Min", "Sum", "Mean", "Mod",
                "And", "Or", "Xor", "Not", "Equal", "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "Where",
                "BitShift", "IsNaN", "IsInf", "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd",
                "ReduceL1", "ReduceL2", "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp", "ArgMax", "ArgMin",
                "CumSum", "TopK");
        put(SHAPE, "Reshape", "Flatten", "Transpose", "Concat", "Split", "Squeeze", "Unsqueeze", "Slice",
                "Gather", "GatherElements", "GatherND", "Scatter", "ScatterND", "ScatterElements", "Expand", "Tile",
                "Pad", "Shape", "Size", "Identity", "Cast", "CastLike", "Constant", "ConstantOfShape", "Dropout",
                "DepthToSpace", "SpaceToDepth", "Resize", "Upsample", "Range", "NonZero", "OneHot",
                "ReverseSequence", "Trilu", "EyeLike", "Compress");
        put(QUANTISATION, "QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear", "QLinearAdd",
                "QLinearMul", "QLinearSigmoid", "QLinearLeakyRelu", "QLinearAveragePool", "QLinearGlobalAveragePool",
                "QLinearConcat", "QLinearSoftmax");
        put(CONTROL_FLOW, "If", "Loop", "Scan", "SequenceMap", "Sequence", "SequenceAt", "SequenceConstruct",
                "SequenceInsert", "SequenceErase", "SequenceLength", "SplitToSequence", "ConcatFromSequence");
        // QLinearConv counts as a convolution, not as quantisation: its arithmetic is the conv.
        BY_OP.put("QLinearConv", CONV);
        BY_OP.put("QLinearMatMul", LINEAR);
    }

    private final String label;
    private final int fill;

    OpCategory(String label, int fill) {
        this.label = label;
        this.fill = fill;
    }

    private static void put(OpCategory c, String... ops) {
        for (String op : ops) BY_OP.putIfAbsent(op, c);
    }

    /** The category of an operator type (domain-independent; unknown types are {@link #OTHER}). */
    public static OpCategory of(String opType) {
        return BY_OP.getOrDefault(opType, OTHER);
    }

    public String label() { return label; }

    /** Fill colour as 0xAARRGGBB. */
    public int fill() { return fill; }

    /** Title colour that contrasts with the fill: white on dark fills, near-black on light ones. */
    public int text() { return Colors.contrastingText(fill); }
}
