package org.npustudio.analysis;

import java.util.Set;

/** Groups of standard ONNX operators that share a cost formula. */
final class OpFamilies {
    private OpFamilies() {}

    /** One operation per output element. */
    static final Set<String> UNARY = Set.of(
            "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Exp", "Log", "Sqrt", "Neg", "Abs", "Erf", "Elu", "Selu",
            "Celu", "Softplus", "Softsign", "HardSigmoid", "HardSwish", "Gelu", "Mish", "Reciprocal", "Floor",
            "Ceil", "Round", "Sign", "Sin", "Cos", "Tan", "Not", "Clip", "ThresholdedRelu", "Swish");

    /** (inputs - 1) operations per output element, with numpy broadcasting. */
    static final Set<String> ELEMENTWISE_NARY = Set.of(
            "Add", "Sub", "Mul", "Div", "Pow", "PRelu", "Max", "Min", "Sum", "Mean", "And", "Or", "Xor",
            "Equal", "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "Mod", "BitShift");

    /** One operation per input element. */
    static final Set<String> REDUCTIONS = Set.of(
            "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2",
            "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp", "ArgMax", "ArgMin");

    /** Windowed pools: one operation per window element per output element. */
    static final Set<String> POOLS = Set.of("MaxPool", "AveragePool", "LpPool");

    static final Set<String> GLOBAL_POOLS = Set.of("GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool");

    /** Operators that only move, copy or describe data: no arithmetic. */
    static final Set<String> DATA_MOVEMENT = Set.of(
            "Reshape", "Flatten", "Transpose", "Concat", "Squeeze", "Unsqueeze", "Identity", "Shape", "Size",
            "Gather", "GatherElements", "GatherND", "Slice", "Split", "Constant", "ConstantOfShape", "Dropout",
            "Cast", "CastLike", "Expand", "Pad", "Tile", "DepthToSpace", "SpaceToDepth", "ScatterND",
            "ScatterElements", "ReverseSequence");
}
