package org.npustudio.analysis;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.OpsetId;
import org.npustudio.ir.Shape;
import org.npustudio.ir.Tensor;
import org.npustudio.shape.WindowGeometry;

/**
 * Per-node arithmetic cost (MACs, FLOPs) and parameter footprint for common ONNX operators.
 * <p>Conventions: MACs count the multiply-accumulates of contractions (Conv, ConvTranspose, Gemm,
 * MatMul) and the per-element scale-and-shift of normalizations; FLOPs count 2 per MAC plus one per
 * bias add, element-wise step, pool window element or reduced element. Softmax costs 3 FLOPs per
 * element (exp, sum, divide) and LayerNormalization 8 (mean 1, variance 3, normalize 2, affine 2).
 * Data-movement operators (Reshape, Transpose, Concat, …) cost zero. Any shape the formula needs that
 * the lookup does not know, an operator outside these families, or an arithmetic overflow gives an
 * empty cost rather than a guess.
 */
public final class OpCostModel {
    private final Graph graph;
    private final Function<String, Shape> shapes;

    /** Uses the shapes declared in the graph. */
    public OpCostModel(Graph graph) {
        this(graph, ShapeLookup.declared(graph));
    }

    /** @param shapes shape of a value name, null when unknown */
    public OpCostModel(Graph graph, Function<String, Shape> shapes) {
        this.graph = graph;
        this.shapes = shapes;
    }

    /** Arithmetic work in MACs and FLOPs. */
    private record Work(long macs, long flops) {}

    public OpCost cost(Node n) {
        long params = 0;
        long bytes = 0;
        for (String name : parameterInputs(n)) {
            Tensor t = graph.initializers().get(name);
            params += t.elementCount();
            bytes += t.byteSize();
        }
        Work w;
        try {
            w = OpsetId.isDefaultDomain(n.domain()) ? work(n) : null;
        } catch (ArithmeticException overflow) {
            w = null;
        }
        return w == null
                ? new OpCost(OptionalLong.empty(), OptionalLong.empty(), params, bytes)
                : new OpCost(OptionalLong.of(w.macs), OptionalLong.of(w.flops), params, bytes);
    }

    /** The distinct initializer names a node reads. */
    public Set<String> parameterInputs(Node n) {
        Set<String> out = new LinkedHashSet<>();
        for (String in : n.inputs()) if (!in.isEmpty() && graph.isInitializer(in)) out.add(in);
        return out;
    }

    private Work work(Node n) {
        String op = n.opType();
        switch (op) {
            case "Conv": return conv(n);
            case "ConvTranspose": return convTranspose(n);
            case "Gemm": return gemm(n);
            case "MatMul", "MatMulInteger": return matMul(n);
            case "BatchNormalization", "InstanceNormalization": return perElement(n, 1, 2);
            case "LayerNormalization": return perElement(n, 1, 8);
            case "Softmax", "LogSoftmax": return perElement(n, 0, 3);
            default: break;
        }
        if (OpFamilies.UNARY.contains(op)) return perElement(n, 0, 1);
        if (OpFamilies.ELEMENTWISE_NARY.contains(op)) return elementwise(n);
        if (OpFamilies.POOLS.contains(op)) return pool(n);
        if (OpFamilies.GLOBAL_POOLS.contains(op) || OpFamilies.REDUCTIONS.contains(op)) return perInputElement(n);
        if (OpFamilies.DATA_MOVEMENT.contains(op)) return new Work(0, 0);
        return null;
    }

    private long[] sizes(String value) {
        return value.isEmpty() ? null : ShapeLookup.staticSizes(shapes.apply(value));
    }

    private boolean present(Node n, int input) {
        return !n.input(input).isEmpty();
    }

    private Work conv(Node n) {
        long[] x = sizes(n.input(0));
        long[] w = sizes(n.input(1));
        long group = n.attrLong("group", 1);
        if (x == null || x.length < 3 || group <= 0) return null;
        int r = x.length - 2;
        long[] k = kernel(n, w, r);
        if (k == null) return null;
        long[] y = sizes(n.output(0));
        long outChannels;
        long[] outSpatial;
        if (y != null && y.length == x.length) {
            outChannels = y[1];
            outSpatial = Arrays.copyOfRange(y, 2, y.length);
        } else {
            if (w == null) return null;
            outChannels = w[0];
            outSpatial = window(n, k, x, false);
            if (outSpatial == null) return null;
        }
        long inPerGroup;
        if (w != null && w.length == r + 2) inPerGroup = w[1];
        else if (x[1] % group == 0) inPerGroup = x[1] / group;
        else return null;
        long outputs = Math.multiplyExact(Math.multiplyExact(x[0], outChannels), Broadcast.product(outSpatial));
        long macs = Math.multiplyExact(outputs, Math.multiplyExact(inPerGroup, Broadcast.product(k)));
        return new Work(macs, Math.addExact(Math.multiplyExact(2, macs), present(n, 2) ? outputs : 0));
    }

    private Work convTranspose(Node n) {
        long[] x = sizes(n.input(0));
        long[] w = sizes(n.input(1));
        long group = n.attrLong("group", 1);
        if (x == null || x.length < 3 || group <= 0) return null;
        int r = x.length - 2;
        long[] k = kernel(n, w, r);
        if (k == null) return null;
        long[] y = sizes(n.output(0));
        long outPerGroup;
        if (w != null && w.length == r + 2) outPerGroup = w[1];
        else if (y != null && y.length == x.length && y[1] % group == 0) outPerGroup = y[1] / group;
        else return null;
        // Every input element scatters into outPerGroup × kernel outputs.
        long inputs = Broadcast.product(x);
        long macs = Math.multiplyExact(inputs, Math.multiplyExact(outPerGroup, Broadcast.product(k)));
        long biasAdds = 0;
        if (present(n, 2)) {
            long[] outSpatial = y != null && y.length == x.length
                    ? Arrays.copyOfRange(y, 2, y.length)
                    : window(n, k, x, true);
            if (outSpatial == null) return null;
            long channels = Math.multiplyExact(outPerGroup, group);
            biasAdds = Math.multiplyExact(Math.multiplyExact(x[0], channels), Broadcast.product(outSpatial));
        }
        return new Work(macs, Math.addExact(Math.multiplyExact(2, macs), biasAdds));
    }

    private Work gemm(Node n) {
        long[] a = sizes(n.input(0));
        long[] b = sizes(n.input(1));
        if (a == null || b == null || a.length != 2 || b.length != 2) return null;
        boolean ta = n.attrLong("transA", 0) != 0;
        boolean tb = n.attrLong("transB", 0) != 0;
        long m = ta ? a[1] : a[0];
        long k = ta ? a[0] : a[1];
        long kb = tb ? b[1] : b[0];
        long cols = tb ? b[0] : b[1];
        if (k != kb) return null;
        long outputs = Math.multiplyExact(m, cols);
        long macs = Math.multiplyExact(outputs, k);
        return new Work(macs, Math.addExact(Math.multiplyExact(2, macs), present(n, 2) ? outputs : 0));
    }

    private Work matMul(Node n) {
        long[] a = sizes(n.input(0));
        long[] b = sizes(n.input(1));
        if (a == null || b == null || a.length == 0 || b.length == 0) return null;
        // A 1-D operand is a vector: a row for A, a column for B (numpy matmul rules).
        long m = a.length == 1 ? 1 : a[a.length - 2];
        long k = a[a.length - 1];
        long kb = b.length == 1 ? b[0] : b[b.length - 2];
        long cols = b.length == 1 ? 1 : b[b.length - 1];
        if (k != kb) return null;
        long[] batchA = Arrays.copyOfRange(a, 0, Math.max(0, a.length - 2));
        long[] batchB = Arrays.copyOfRange(b, 0, Math.max(0, b.length - 2));
        long[] batch = Broadcast.of(batchA, batchB);
        if (batch == null) return null;
        long macs = Math.multiplyExact(Broadcast.product(batch), Math.multiplyExact(m, Math.multiplyExact(k, cols)));
        return new Work(macs, Math.multiplyExact(2, macs));
    }

    /** Cost proportional to the output element count (falling back to the first input's). */
    private Work perElement(Node n, long macsPerElement, long flopsPerElement) {
        long[] y = sizes(n.output(0));
        if (y == null) y = sizes(n.input(0));
        if (y == null) return null;
        long e = Broadcast.product(y);
        return new Work(Math.multiplyExact(e, macsPerElement), Math.multiplyExact(e, flopsPerElement));
    }

    private Work elementwise(Node n) {
        int operands = 0;
        long[] shape = new long[0];
        boolean inputsKnown = true;
        for (String in : n.inputs()) {
            if (in.isEmpty()) continue;
            operands++;
            long[] s = sizes(in);
            if (s == null) inputsKnown = false;
            else if (shape != null) shape = Broadcast.of(shape, s);
        }
        long[] y = sizes(n.output(0));
        if (y == null) y = inputsKnown ? shape : null;
        if (y == null) return null;
        long steps = Math.max(1, operands - 1);
        return new Work(0, Math.multiplyExact(steps, Broadcast.product(y)));
    }

    private Work pool(Node n) {
        long[] x = sizes(n.input(0));
        long[] k = n.attrLongs("kernel_shape");
        if (x == null || k == null || x.length != k.length + 2) return null;
        long[] y = sizes(n.output(0));
        long[] outSpatial;
        if (y != null && y.length == x.length) {
            outSpatial = Arrays.copyOfRange(y, 2, y.length);
        } else {
            outSpatial = window(n, k, x, false);
            if (outSpatial == null) return null;
        }
        long outputs = Math.multiplyExact(Math.multiplyExact(x[0], x[1]), Broadcast.product(outSpatial));
        return new Work(0, Math.multiplyExact(outputs, Broadcast.product(k)));
    }

    /** Kernel sizes: the kernel_shape attribute, else the weight's trailing dims; null if neither fits the rank. */
    private static long[] kernel(Node n, long[] weight, int spatialRank) {
        long[] k = n.attrLongs("kernel_shape");
        if (k != null) return k.length == spatialRank ? k : null;
        return weight != null && weight.length == spatialRank + 2 ? Arrays.copyOfRange(weight, 2, weight.length) : null;
    }

    /** Output spatial sizes of the window over input {@code x} ([N, C, spatial...]); null when malformed or empty. */
    private static long[] window(Node n, long[] k, long[] x, boolean transposed) {
        long[] in = Arrays.copyOfRange(x, 2, x.length);
        try {
            WindowGeometry g = WindowGeometry.of(n, k);
            return transposed ? g.transposedOutputs(in) : g.outputs(in);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private Work perInputElement(Node n) {
        long[] x = sizes(n.input(0));
        return x == null ? null : new Work(0, Broadcast.product(x));
    }
}
