package org.npustudio.passes.quant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Model;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.ValueNames;

/**
 * Empirical bias correction (Nagel et al. 2019, "Data-free quantization"; here with measured means):
 * quantizing W to Ŵ shifts a layer's expected output by (Ŵ − W)·E[x]; adding (W − Ŵ)·E[x] to the bias,
 * with E[x] per input channel from the fp32 calibration runs, removes that shift. Conv (any group) and
 * Gemm; MatMul has no bias input and is left as is. For Conv E[x] is the mean over the whole feature map
 * per channel (zero padding at borders is ignored, a small error for kernels much smaller than the map).
 */
final class BiasCorrection {
    private BiasCorrection() {}

    /** True when n has a bias slot this can correct (Conv/Gemm with no bias or a constant float bias of one value per output). */
    static boolean applies(Graph g, Node n) {
        String op = n.opType();
        if (!(op.endsWith("Conv") || op.endsWith("Gemm"))) return false;
        if (n.inputs().size() < 3 || n.input(2).isEmpty()) return true;
        Tensor b = GraphEdits.constant(g, n.input(2));
        Tensor w = GraphEdits.constant(g, n.input(1));
        return b != null && w != null && b.dataType() == DataType.FLOAT && b.elementCount() == w.dims()[Quantizer.channelAxis(n)];
    }

    /** Adds v's per-channel sums (axis 1 for rank ≥ 3, else the last axis) to {@code sums[key]}. */
    static void accumulate(float[] v, long[] dims, Map<String, double[]> sums, Map<String, long[]> counts, String key) {
        if (dims.length == 0) return;
        int axis = dims.length >= 3 ? 1 : dims.length - 1;
        int c = (int) dims[axis];
        long inner = WeightQuant.inner(dims, axis);
        double[] s = sums.computeIfAbsent(key, k -> new double[c]);
        long[] n = counts.computeIfAbsent(key, k -> new long[c]);
        if (s.length != c) return; // the shape changed between runs (dynamic dims): keep the first channel count
        for (int i = 0; i < v.length; i++) {
            int ch = (int) ((i / inner) % c);
            s[ch] += v[i];
            n[ch]++;
        }
    }

    /**
     * Puts the corrected bias on n (a new initializer) and returns the largest |correction|, or NaN when
     * the mean does not fit the weight (then nothing changes).
     */
    static double correct(Model model, Graph g, Node n, Tensor w, float[] dequantized, double[] mean, ValueNames names) {
        float[] v = w.toFloats();
        long[] dims = w.dims();
        int outAxis = Quantizer.channelAxis(n);
        int outs = (int) dims[outAxis];
        double[] delta = new double[outs];
        if (n.opType().endsWith("Conv")) {
            long group = n.attrLong("group", 1);
            int perGroupIn = (int) dims[1], perGroupOut = (int) (outs / group);
            long inner = WeightQuant.inner(dims, 1);
            if (mean.length != perGroupIn * group) return Double.NaN;
            for (int i = 0; i < v.length; i++) {
                int o = (int) (i / inner / perGroupIn), j = (int) ((i / inner) % perGroupIn);
                delta[o] += (v[i] - dequantized[i]) * mean[(o / perGroupOut) * perGroupIn + j];
            }
        } else {
            int kAxis = 1 - outAxis;
            if (mean.length != dims[kAxis]) return Double.NaN;
            for (int i = 0; i < v.length; i++) {
                int row = (int) (i / dims[1]), col = (int) (i % dims[1]);
                int o = outAxis == 0 ? row : col, k = outAxis == 0 ? col : row;
                delta[o] += (v[i] - dequantized[i]) * mean[k];
            }
        }
        float[] bias = new float[outs];
        boolean hasBias = n.inputs().size() >= 3 && !n.input(2).isEmpty();
        if (hasBias) bias = GraphEdits.constant(g, n.input(2)).toFloats();
        double largest = 0;
        for (int o = 0; o < outs; o++) {
            bias[o] += (float) delta[o];
            largest = Math.max(largest, Math.abs(delta[o]));
        }
        String name = names.fresh((hasBias ? n.input(2) : n.id() + "_bias") + "_corrected");
        g.putInitializer(Tensor.ofFloats(name, new long[] {outs}, bias));
        List<String> in = new ArrayList<>(n.inputs());
        while (in.size() < 3) in.add("");
        String old = in.get(2);
        in.set(2, name);
        n.setInputs(in);
        if (!old.isEmpty() && g.isInitializer(old) && g.consumers(old).isEmpty() && !GraphEdits.isGraphOutput(g, old)) g.removeInitializer(old);
        return largest;
    }
}
