package org.npustudio.passes.opt;

import org.npustudio.ir.DataType;
import org.npustudio.ir.Graph;
import org.npustudio.ir.Node;
import org.npustudio.ir.Tensor;
import org.npustudio.passes.GraphEdits;
import org.npustudio.passes.ValueNames;

/**
 * The constant weight and bias of a Conv or Gemm, per output channel, rewritten by the folding passes.
 * Arithmetic in double, stored as float32; new initializers get fresh names because the old ones may
 * be shared with other nodes. The weights stay float32 until {@link #store}: per-channel scales are
 * recorded and applied element by element there, in the order they came (the same double arithmetic as
 * scaling a double copy, without a double[] of every weight; ResNet50 has 25.6M).
 */
final class ConvWeights {
    final Node node;
    final long[] wDims;
    final double[] b;
    final int channels;
    private final float[] w;
    /** Gemm's alpha, applied to every weight first (Conv: 1, which changes nothing). */
    private final double alpha;
    private final java.util.List<double[]> scales = new java.util.ArrayList<>();
    /** Whether channels are W's columns (Gemm without transB). */
    private final boolean columns;

    private ConvWeights(Node node, long[] wDims, float[] w, double[] b, int channels, boolean columns, double alpha) {
        this.node = node;
        this.wDims = wDims;
        this.w = w;
        this.b = b;
        this.channels = channels;
        this.columns = columns;
        this.alpha = alpha;
    }

    /**
     * Reads Conv(x, W[, B]) or Gemm(A, B[, C]) with float32 constant weights, or returns null. For Gemm
     * alpha and beta are folded in (beta into the bias) and C must be per-column ([M], [1, M] or one value).
     */
    static ConvWeights read(Graph g, Node n) {
        Tensor wt = GraphEdits.constant(g, n.input(1));
        if (wt == null || wt.dataType() != DataType.FLOAT) return null;
        long[] dims = wt.dims();
        boolean gemm = GraphEdits.is(n, "Gemm");
        if (!gemm && !GraphEdits.is(n, "Conv")) return null;
        if (gemm && (dims.length != 2 || n.attrLong("transA", 0) != 0)) return null;
        if (!gemm && dims.length < 3) return null;
        boolean columns = gemm && n.attrLong("transB", 0) == 0;
        int m = (int) (columns ? dims[1] : dims[0]);
        double[] b = new double[m];
        if (!n.input(2).isEmpty()) {
            Tensor bt = GraphEdits.constant(g, n.input(2));
            if (bt == null || bt.dataType() != DataType.FLOAT) return null;
            double[] bv = bt.toDoubles();
            long[] bd = bt.dims();
            boolean perChannel = bv.length == m && (bd.length == 1 || (bd.length == 2 && bd[0] == 1));
            if (!perChannel && bv.length != 1) return null;
            for (int i = 0; i < m; i++) b[i] = bv.length == 1 ? bv[0] : bv[i];
        }
        double alpha = 1;
        if (gemm) {
            alpha = n.attrFloat("alpha", 1f);
            double beta = n.attrFloat("beta", 1f);
            for (int i = 0; i < m; i++) b[i] *= beta;
        }
        return new ConvWeights(n, dims, wt.toFloats(), b, m, columns, alpha);
    }

    /** Multiplies output channel c's weights (applied in {@link #store}) and bias (now) by s[c]. */
    void scale(double[] s) {
        scales.add(s.clone());
        for (int c = 0; c < channels; c++) b[c] *= s[c];
    }

    /** The new weights: each one times alpha (Gemm), then times every recorded scale of its channel, rounded once. */
    private float[] scaledWeights() {
        int per = w.length / channels;
        double[][] factors = scales.toArray(new double[0][]);
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            int c = columns ? i % channels : i / per;
            double x = w[i] * alpha; // exact for Conv (alpha = 1), Gemm's alpha first as before
            for (double[] f : factors) x *= f[c];
            out[i] = (float) x;
        }
        return out;
    }

    /** Writes new W and bias initializers and points the node at them (Gemm: alpha = beta = 1). */
    void store(Graph g, ValueNames names) {
        String wName = names.fresh(node.input(1) + "_folded");
        String bName = names.fresh((node.input(2).isEmpty() ? node.id() + "_bias" : node.input(2)) + "_folded");
        float[] wf = scaledWeights();
        float[] bf = new float[b.length];
        for (int i = 0; i < bf.length; i++) bf[i] = (float) b[i];
        g.putInitializer(Tensor.ofFloats(wName, wDims, wf));
        g.putInitializer(Tensor.ofFloats(bName, new long[] {channels}, bf));
        node.setInput(1, wName);
        node.setInput(2, bName);
        if (GraphEdits.is(node, "Gemm")) {
            node.setAttribute(org.npustudio.ir.Attribute.of("alpha", 1f));
            node.setAttribute(org.npustudio.ir.Attribute.of("beta", 1f));
        }
    }

    /** Makes the node produce {@code value} (the output of the node folded into it) and drops its old output. */
    static void takeOutput(Graph g, Node n, Node absorbed) {
        String old = n.output(0);
        GraphEdits.absorb(n, absorbed);
        g.removeNode(absorbed);
        n.setOutput(0, absorbed.output(0));
        g.removeValueInfo(old);
    }
}
